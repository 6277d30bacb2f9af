package io.judgeforge.teacher.cassette;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.judgeforge.hash.Sha256;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible endpoint that answers from a cassette: a recorded request gets its recorded
 * response, byte for byte; any other request gets HTTP 404 with an error that says it is not in the
 * cassette, so a replayed run never silently calls anything.
 */
public final class ReplayServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();

    private ReplayServer(HttpServer server) {
        this.server = server;
    }

    public static ReplayServer start(Cassette cassette, int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the cassette on 127.0.0.1:" + port, e);
        }
        ReplayServer replay = new ReplayServer(http);
        http.createContext("/v1/", exchange -> replay.handle(cassette, exchange));
        http.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "judgeforge-replay");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return replay;
    }

    private void handle(Cassette cassette, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/v1".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<StoredResponse> recorded = cassette.find(path, body);
        if (recorded.isPresent()) {
            served.incrementAndGet();
            send(exchange, 200, recorded.get().response());
        } else {
            missing.incrementAndGet();
            // 400, not 404: one request is missing, not the endpoint or model, so the run goes on without it.
            send(
                    exchange,
                    400,
                    Json.write(Map.of(
                            "error",
                            Map.of(
                                    "type",
                                    "invalid_request_error",
                                    "code",
                                    "not_in_cassette",
                                    "message",
                                    "This request is not in the cassette (" + cassette.size()
                                            + " recorded requests): POST /v1" + path
                                            + " with a body recorded by no run (sha256 "
                                            + Sha256.hex(body).substring(0, 12)
                                            + "). Record it first, or replay the run that recorded it."))));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public long served() {
        return served.get();
    }

    public long missing() {
        return missing.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
