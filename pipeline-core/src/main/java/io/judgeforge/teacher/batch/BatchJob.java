package io.judgeforge.teacher.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.util.Set;

/**
 * A batch object as OpenAI's {@code /v1/batches} returns it: its id and status ({@code validating},
 * {@code in_progress}, {@code finalizing}, {@code completed}, {@code expired}, {@code failed},
 * {@code cancelling}, {@code cancelled}), the files it reads and writes, its request counts and the
 * errors of a batch that failed validation. {@code json} is the object as the server sent it.
 */
public record BatchJob(
        String id,
        String status,
        String endpoint,
        String inputFileId,
        String outputFileId,
        String errorFileId,
        long total,
        long completed,
        long failed,
        long expiresAt,
        String errors,
        String json) {
    private static final Set<String> TERMINAL = Set.of("completed", "expired", "failed", "cancelled");

    public static BatchJob of(JsonNode json) {
        JsonNode counts = json.path("request_counts");
        JsonNode errors = json.path("errors");
        return new BatchJob(
                json.path("id").asText(),
                json.path("status").asText(),
                json.path("endpoint").asText(null),
                json.path("input_file_id").asText(null),
                text(json.path("output_file_id")),
                text(json.path("error_file_id")),
                counts.path("total").asLong(0),
                counts.path("completed").asLong(0),
                counts.path("failed").asLong(0),
                json.path("expires_at").asLong(0),
                errors.isObject() ? Json.write(errors) : null,
                Json.write(json));
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** No more changes will come: its files, if any, are final. */
    public boolean terminal() {
        return TERMINAL.contains(status);
    }
}
