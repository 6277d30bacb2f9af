package io.judgeforge.teacher.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An executor's handle on the driver's {@link LimitService}: every booking goes to the driver, so
 * no executor can spend another's share or run ahead of the application's limits. It travels
 * inside the tasks; {@link #toString()} shows the address, never the secret.
 */
public final class RemoteLimits implements SharedLimits {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int ATTEMPTS = 4;
    private static volatile OkHttpClient http;

    private final String url;
    private final String secret;

    RemoteLimits(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    @Override
    public long reserve(String bucket, double rpm, double tpm, double tokens) {
        return post("reserve", rate(bucket, rpm, tpm).put("tokens", tokens))
                .path("wait_ms")
                .asLong();
    }

    @Override
    public void correct(String bucket, double rpm, double tpm, double tokens) {
        post("correct", rate(bucket, rpm, tpm).put("tokens", tokens));
    }

    @Override
    public void pause(String bucket, double rpm, double tpm, long ms) {
        post("pause", rate(bucket, rpm, tpm).put("ms", ms));
    }

    @Override
    public Grant book(String ledger, String id, double maxUsd, long maxTokens, double usd, long tokens, long ttlMs) {
        return Grant.valueOf(post(
                        "book",
                        Json.mapper()
                                .createObjectNode()
                                .put("ledger", ledger)
                                .put("id", id)
                                .put("max_usd", maxUsd)
                                .put("max_tokens", maxTokens)
                                .put("usd", usd)
                                .put("tokens", tokens)
                                .put("ttl_ms", ttlMs))
                .path("grant")
                .asText());
    }

    @Override
    public void settle(String ledger, String id, double usd, long tokens) {
        post(
                "settle",
                Json.mapper()
                        .createObjectNode()
                        .put("ledger", ledger)
                        .put("id", id)
                        .put("usd", usd)
                        .put("tokens", tokens));
    }

    private static ObjectNode rate(String bucket, double rpm, double tpm) {
        return Json.mapper()
                .createObjectNode()
                .put("bucket", bucket)
                .put("rpm", rpm)
                .put("tpm", tpm);
    }

    // A lost connection is tried again; an operation that gets no answer at all stops the task with
    // a line that says where the driver was expected, since no call may go out unbooked.
    private JsonNode post(String op, ObjectNode body) {
        Request request = new Request.Builder()
                .url(url + op)
                .header("Authorization", "Bearer " + secret)
                .post(RequestBody.create(Json.write(body), JSON))
                .build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Response response = client().newCall(request).execute()) {
                String text = response.body() == null ? "" : response.body().string();
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("The driver's limit service at " + url + " refused " + op
                            + ": HTTP " + response.code() + " " + text);
                }
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                last = e;
                if (attempt == ATTEMPTS) {
                    break;
                }
                try {
                    Thread.sleep(200L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException(
                "Cannot reach the driver's limit service at " + url
                        + " (executors must reach the driver on spark.shared-limits-port): " + last,
                last);
    }

    private static OkHttpClient client() {
        if (http == null) {
            synchronized (RemoteLimits.class) {
                if (http == null) {
                    http = new OkHttpClient.Builder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .readTimeout(Duration.ofSeconds(30))
                            .build();
                }
            }
        }
        return http;
    }

    @Override
    public String toString() {
        return "RemoteLimits[" + url + "] (secret not shown)";
    }
}
