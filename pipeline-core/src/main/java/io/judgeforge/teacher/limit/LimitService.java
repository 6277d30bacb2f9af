package io.judgeforge.teacher.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's limit service: {@link SharedLimits} over HTTP for the executors of one application,
 * so RPM, TPM, pauses and the budget are counted once for all of them. Each operation is one small
 * JSON POST; a teacher call makes two to four, next to a call that takes seconds. Requests must
 * carry the service's secret, made at start and handed to executors inside the tasks (never in
 * SparkConf), so no other process that reaches the port can spend the run's budget.
 */
public final class LimitService implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final SharedLimits limits;
    private final byte[] secret;
    private final String url;
    private final AtomicLong served = new AtomicLong();

    private LimitService(HttpServer server, ExecutorService threads, SharedLimits limits, String secret, String url) {
        this.server = server;
        this.threads = threads;
        this.limits = limits;
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
        this.url = url;
    }

    /**
     * Serves {@code limits} on {@code bindHost}:{@code port} (0 = any free port); executors reach it
     * as {@code advertisedHost}, the driver's address as they know it.
     */
    public static LimitService start(String bindHost, String advertisedHost, int port, SharedLimits limits) {
        // A client that sends half a request must not hold one of the few threads for long.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "10"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "10"));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindHost, port), 64);
            ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "judgeforge-limit-service");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            String url = "http://" + hostForUrl(advertisedHost) + ":"
                    + server.getAddress().getPort() + "/limits/";
            LimitService service = new LimitService(server, threads, limits, secret, url);
            server.createContext("/limits/", service::handle);
            server.start();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start the driver's limit service on " + bindHost + ":" + port
                            + " (spark.shared-limits-port): " + e.getMessage(),
                    e);
        }
    }

    /** What executors are handed: the service's address and secret. */
    public RemoteLimits client() {
        return new RemoteLimits(url, new String(secret, StandardCharsets.US_ASCII));
    }

    public String url() {
        return url;
    }

    /** Operations answered so far. */
    public long served() {
        return served.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] given = auth == null
                    ? new byte[0]
                    : auth.replaceFirst("^Bearer ", "").getBytes(StandardCharsets.US_ASCII);
            if (!"POST".equals(exchange.getRequestMethod()) || !MessageDigest.isEqual(secret, given)) {
                reply(exchange, 401, Json.mapper().createObjectNode().put("error", "not this application's executor"));
                return;
            }
            JsonNode in = Json.mapper().readTree(exchange.getRequestBody());
            String op = exchange.getRequestURI().getPath().substring("/limits/".length());
            ObjectNode out = Json.mapper().createObjectNode();
            switch (op) {
                case "reserve" ->
                    out.put(
                            "wait_ms",
                            limits.reserve(
                                    in.path("bucket").asText(),
                                    in.path("rpm").asDouble(),
                                    in.path("tpm").asDouble(),
                                    in.path("tokens").asDouble()));
                case "correct" ->
                    limits.correct(
                            in.path("bucket").asText(),
                            in.path("rpm").asDouble(),
                            in.path("tpm").asDouble(),
                            in.path("tokens").asDouble());
                case "pause" ->
                    limits.pause(
                            in.path("bucket").asText(),
                            in.path("rpm").asDouble(),
                            in.path("tpm").asDouble(),
                            in.path("ms").asLong());
                case "book" ->
                    out.put(
                            "grant",
                            limits.book(
                                            in.path("ledger").asText(),
                                            in.path("id").asText(),
                                            in.path("max_usd").asDouble(),
                                            in.path("max_tokens").asLong(),
                                            in.path("usd").asDouble(),
                                            in.path("tokens").asLong(),
                                            in.path("ttl_ms").asLong())
                                    .name());
                case "settle" ->
                    limits.settle(
                            in.path("ledger").asText(),
                            in.path("id").asText(),
                            in.path("usd").asDouble(),
                            in.path("tokens").asLong());
                default -> {
                    reply(exchange, 404, out.put("error", "no operation " + op));
                    return;
                }
            }
            served.incrementAndGet();
            reply(exchange, 200, out);
        } catch (RuntimeException | IOException e) {
            reply(exchange, 400, Json.mapper().createObjectNode().put("error", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
