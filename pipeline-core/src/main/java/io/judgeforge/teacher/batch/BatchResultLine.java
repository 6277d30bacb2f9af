package io.judgeforge.teacher.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;

/**
 * One line of a batch's output or error file: {@code {"id", "custom_id", "response": null |
 * {"status_code", "request_id", "body"}, "error": null | {"code", "message"}}}. A line of the output
 * file has a 200 and the body the online endpoint would have sent; a line of the error file has an
 * HTTP error as its response (a 500, a 400 for this request alone) or no response and an error such
 * as {@code batch_expired}. {@code body} is the response body's JSON text, null without one.
 */
public record BatchResultLine(String customId, int statusCode, String body, String errorCode, String errorMessage) {
    public static final String EXPIRED = "batch_expired";

    /** Answered with a 200: the body is an answer, as online (it may still be a refusal or cut off). */
    public boolean answered() {
        return statusCode == 200 && body != null;
    }

    /** A line that is not JSON, or has no custom id, is kept as one with an error, never dropped. */
    public static BatchResultLine parse(String line) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(line);
        } catch (IOException e) {
            return new BatchResultLine(null, 0, null, "malformed_line", e.getMessage());
        }
        JsonNode response = json.path("response");
        JsonNode error = json.path("error");
        boolean hasBody = response.path("body").isObject();
        return new BatchResultLine(
                json.path("custom_id").isTextual() ? json.path("custom_id").asText() : null,
                response.path("status_code").asInt(0),
                hasBody ? Json.write(response.path("body")) : null,
                error.isObject()
                        ? error.path("code").asText(null)
                        : hasBody
                                ? response.path("body")
                                        .path("error")
                                        .path("code")
                                        .asText(null)
                                : null,
                error.isObject()
                        ? error.path("message").asText(null)
                        : hasBody
                                ? response.path("body")
                                        .path("error")
                                        .path("message")
                                        .asText(null)
                                : null);
    }
}
