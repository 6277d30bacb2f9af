package io.judgeforge.testing;

import com.sun.net.httpserver.HttpServer;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.store.ResponseStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP endpoint that answers each request with the next scripted reply, and records
 * what it received. For tests of the client and of stage logic whose outcome depends on exactly
 * what the teacher says.
 */
public final class ScriptedEndpoint implements AutoCloseable {
    public record Reply(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    public final List<String> authorization = new CopyOnWriteArrayList<>();
    public final List<String> bodies = new CopyOnWriteArrayList<>();
    /** Each request's path with its query string, e.g. /v1/chat/completions?api-version=2024-10-21. */
    public final List<String> targets = new CopyOnWriteArrayList<>();
    /** Each request's headers, names lower-cased. */
    public final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();

    public final List<Long> sleeps = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger SERVERS =
            new java.util.concurrent.atomic.AtomicInteger();
    // An endpoint name of each server's own: the JVM-wide limits and endpoint health of one test never
    // reach another's, even on a reused port.
    private final String name = "scripted-" + SERVERS.incrementAndGet();
    private ResponseStore store = ResponseStore.NONE;
    private io.judgeforge.teacher.cost.Spending spending = io.judgeforge.teacher.cost.Spending.NONE;

    public ScriptedEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            targets.add(exchange.getRequestURI().toString());
            Map<String, String> seen = new java.util.HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> seen.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            headers.add(seen);
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply r = script.poll();
            if (r == null) {
                r = new Reply(500, "{\"error\":\"script exhausted\"}", Map.of());
            }
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public ScriptedEndpoint reply(int status, String body, Map<String, String> headers) {
        script.add(new Reply(status, body, headers));
        return this;
    }

    /** A chat completion whose message content is {@code content}. */
    public ScriptedEndpoint chat(String content, String finishReason) {
        String escaped = io.judgeforge.json.Json.write(content);
        return reply(
                200,
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + escaped + "},\"finish_reason\":\""
                        + finishReason
                        + "\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}",
                Map.of());
    }

    public ScriptedEndpoint chat(String content) {
        return chat(content, "stop");
    }

    public Endpoint endpoint(String apiKeyEnv, int maxAttempts) {
        return new Endpoint(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", apiKeyEnv, 5_000, 4, maxAttempts);
    }

    /** A client of {@code endpoint} (built on {@link #baseUrl()}) with this server's store, spending and sleeps. */
    public EndpointClient client(Endpoint endpoint, Map<String, String> env) {
        return new EndpointClient(name, endpoint, store, spending, env::get, sleeps::add);
    }

    /** A client of {@code endpoint} without a key, telling {@code events} of every attempt it sends. */
    public EndpointClient client(Endpoint endpoint, io.judgeforge.teacher.call.CallEvents events) {
        return new EndpointClient(name, endpoint, store, spending, k -> null, sleeps::add, events);
    }

    /** The endpoint name this server's clients call it by. */
    public String endpointName() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public EndpointClient client(int maxAttempts, String apiKeyEnv, Map<String, String> env) {
        return new EndpointClient(name, endpoint(apiKeyEnv, maxAttempts), store, spending, env::get, sleeps::add);
    }

    /** Clients made from now on keep their responses in {@code store}. */
    public ScriptedEndpoint storeIn(ResponseStore store) {
        this.store = store;
        return this;
    }

    /** Clients made from now on price and budget their calls with {@code spending}. */
    public ScriptedEndpoint spend(io.judgeforge.teacher.cost.Spending spending) {
        this.spending = spending;
        return this;
    }

    public EndpointClient client() {
        return client(1, "", Map.of());
    }

    /** Requests received so far. */
    public int requests() {
        return bodies.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
