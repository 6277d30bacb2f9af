package io.judgeforge.teacher.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.teacher.CallOutcome;

/**
 * What a usable 200 looks like for each kind of request, so that a reply with {@code choices} but
 * without an answer (a refusal, a filtered or cut-off reply) gets its own outcome here, below the
 * response store, and is never stored as if it had succeeded.
 */
public enum ReplyShape {
    /** /chat/completions: {@code choices[0].message.content}. */
    CHAT {
        @Override
        public Verdict judge(JsonNode json) {
            JsonNode choice = json.path("choices").path(0);
            JsonNode message = choice.path("message");
            JsonNode content = message.path("content");
            String finish = choice.path("finish_reason").asText("");
            if (message.path("refusal").isTextual()
                    && !message.path("refusal").asText().isBlank()) {
                return new Verdict(
                        CallOutcome.REFUSED,
                        "refusal: " + excerpt(message.path("refusal").asText()));
            }
            if (finish.equals("content_filter")) {
                return new Verdict(CallOutcome.CONTENT_FILTERED, "finish_reason content_filter");
            }
            if (finish.equals("length")) {
                boolean thinking = !content.isTextual() && hasReasoning(message);
                return new Verdict(
                        CallOutcome.TRUNCATED,
                        thinking
                                ? "finish_reason length while the model was still reasoning (content null): raise max-tokens"
                                : "finish_reason length");
            }
            if (!content.isTextual()) {
                return new Verdict(
                        CallOutcome.PARSE_FAILED,
                        "response has no choices[0].message.content (finish_reason "
                                + (finish.isEmpty() ? "absent" : finish) + ")");
            }
            return new Verdict(CallOutcome.OK, null);
        }
    },
    /** /completions with echo and logprobs: aligned {@code tokens} and {@code token_logprobs}. */
    COMPLETION {
        @Override
        public Verdict judge(JsonNode json) {
            JsonNode lp = json.path("choices").path(0).path("logprobs");
            JsonNode tokens = lp.path("tokens");
            JsonNode logprobs = lp.path("token_logprobs");
            if (!tokens.isArray() || !logprobs.isArray() || tokens.size() != logprobs.size() || tokens.isEmpty()) {
                return new Verdict(
                        CallOutcome.PARSE_FAILED,
                        "response has no aligned choices[0].logprobs.tokens and token_logprobs (does the server support echo with logprobs?)");
            }
            return new Verdict(CallOutcome.OK, null);
        }
    };

    /** An outcome with the reason for it (null when OK). */
    public record Verdict(CallOutcome outcome, String detail) {}

    public abstract Verdict judge(JsonNode json);

    /** A body the client may use: a JSON object with choices, judged OK (what the store may replay). */
    public boolean usable(JsonNode json) {
        return hasChoices(json) && judge(json).outcome() == CallOutcome.OK;
    }

    /** A JSON object with a non-empty {@code choices} array: what every OpenAI-compatible 200 must be. */
    static boolean hasChoices(JsonNode json) {
        return json != null
                && json.isObject()
                && json.path("choices").isArray()
                && !json.path("choices").isEmpty();
    }

    private static boolean hasReasoning(JsonNode message) {
        return message.path("reasoning_content").isTextual()
                || message.path("reasoning").isTextual();
    }

    static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
