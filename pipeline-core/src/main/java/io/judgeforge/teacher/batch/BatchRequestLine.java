package io.judgeforge.teacher.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line of a batch input file: {@code {"custom_id", "method": "POST", "url", "body"}}. The
 * custom id is the request key, so an answer goes into the response store under the key the online
 * path would have used; {@code url} is the endpoint's path from the host, e.g. {@code /v1/chat/completions}.
 */
public record BatchRequestLine(String customId, String url, String body) {
    /** The JSONL line, with the body inlined as the JSON object it is. */
    public String toJson() {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", url);
        try {
            line.set("body", Json.mapper().readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("A request body is not JSON: " + customId, e);
        }
        return Json.write(line);
    }

    public static BatchRequestLine parse(String line) {
        try {
            JsonNode json = Json.mapper().readTree(line);
            return new BatchRequestLine(
                    json.path("custom_id").asText(), json.path("url").asText(), Json.write(json.path("body")));
        } catch (IOException e) {
            throw new UncheckedIOException("A batch input line is not JSON", e);
        }
    }
}
