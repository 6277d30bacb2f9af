package io.judgeforge.teacher;

/**
 * The result of one chat call, with its cost and how it went. {@code content} is null unless the
 * server answered. {@code requestKey} identifies the request in the response store and in every
 * record's lineage; {@code stored} says the answer came from the store, without a call.
 * {@code cachedTokens} (of the prompt tokens, served from the provider's cache) and
 * {@code reasoningTokens} (of the completion tokens, a reasoning model's thinking) are as the
 * provider reported them.
 */
public record ChatResult(
        CallOutcome outcome,
        String content,
        String finishReason,
        int attempts,
        long latencyMs,
        long promptTokens,
        long completionTokens,
        String error,
        String requestKey,
        boolean stored,
        double costUsd,
        long cachedTokens,
        long reasoningTokens) {

    public boolean ok() {
        return outcome == CallOutcome.OK;
    }
}
