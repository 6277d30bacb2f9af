package io.judgeforge.teacher.call;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tokens a reply reports. {@code cachedTokens} are prompt tokens the provider served from its
 * prompt cache (part of {@code promptTokens}); {@code reasoningTokens} are a reasoning model's
 * hidden thinking (part of {@code completionTokens}, and paid for as output).
 */
public record Usage(long promptTokens, long cachedTokens, long completionTokens, long reasoningTokens) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public static Usage of(JsonNode json) {
        if (json == null) {
            return NONE;
        }
        JsonNode u = json.path("usage");
        return new Usage(
                u.path("prompt_tokens").asLong(0),
                u.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                u.path("completion_tokens").asLong(0),
                u.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
    }

    public long total() {
        return promptTokens + completionTokens;
    }
}
