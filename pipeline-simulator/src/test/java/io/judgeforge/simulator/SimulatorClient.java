package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A thin OkHttp client for the tests: real HTTP to the simulator, replies as raw text and JSON. */
final class SimulatorClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();

    /** A reply with its exact body text, so determinism can be checked byte for byte. */
    record Reply(int status, String body, String contentType, Headers headers) {
        /** A response header (case-insensitive name), or null when absent. */
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return SimulatorJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Reply is not JSON: " + body, e);
            }
        }
    }

    private final String root;
    private final OkHttpClient http;

    SimulatorClient(SimulatorServer server) {
        this(server, HTTP);
    }

    /** A client that gives up after {@code callTimeout}, as the pipeline's does. */
    SimulatorClient(SimulatorServer server, Duration callTimeout) {
        this(server, HTTP.newBuilder().callTimeout(callTimeout).build());
    }

    private SimulatorClient(SimulatorServer server, OkHttpClient http) {
        this.root = "http://127.0.0.1:" + server.port();
        this.http = http;
    }

    Reply get(String path) {
        return execute(new Request.Builder().url(root + path).get().build());
    }

    Reply post(String path, String body) {
        return execute(new Request.Builder()
                .url(root + path)
                .post(RequestBody.create(body, JSON))
                .build());
    }

    Reply post(String path, JsonNode body) {
        return post(path, SimulatorJson.write(body));
    }

    /** A POST with extra request headers (a key, a User-Agent); {@code pathAndQuery} may carry a query. */
    Reply post(String pathAndQuery, JsonNode body, Map<String, String> headers) {
        Request.Builder request = new Request.Builder()
                .url(root + pathAndQuery)
                .post(RequestBody.create(SimulatorJson.write(body), JSON));
        headers.forEach(request::header);
        return execute(request.build());
    }

    Reply send(String method, String path) {
        RequestBody body = method.equals("GET") ? null : RequestBody.create("{}", JSON);
        return execute(
                new Request.Builder().url(root + path).method(method, body).build());
    }

    /** POSTs a one-message chat request and returns the assistant's content, failing on non-200. */
    String chat(String model, String userMessage) {
        Reply reply = post("/v1/chat/completions", chatRequest(model, userMessage));
        if (reply.status() != 200) {
            throw new AssertionError("chat failed with " + reply.status() + ": " + reply.body());
        }
        return reply.json().at("/choices/0/message/content").asText();
    }

    static ObjectNode chatRequest(String model, String userMessage) {
        ObjectNode request = SimulatorJson.mapper().createObjectNode();
        request.put("model", model);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a helpful assistant.");
        messages.addObject().put("role", "user").put("content", userMessage);
        return request;
    }

    private Reply execute(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(
                    response.code(), response.body().string(), response.header("Content-Type"), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException("Request to the simulator failed: " + request, e);
        }
    }
}
