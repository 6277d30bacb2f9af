package io.judgeforge.stage;

import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.LogprobResult;

/**
 * What an item's teacher requests cost in this run: HTTP attempts made ({@code calls}), requests
 * answered from the response store without a call ({@code stored}), and the tokens and USD cost of
 * the calls made (stored answers were paid for by an earlier run and cost nothing now), and the wall
 * time its calls took, retries and waits included. {@code cachedTokens} (of the prompt tokens) were
 * served from the provider's prompt cache; {@code reasoningTokens} (of the completion tokens) were
 * a reasoning model's thinking.
 */
public record CallUsage(
        long calls,
        long stored,
        long promptTokens,
        long completionTokens,
        double costUsd,
        long latencyMs,
        long cachedTokens,
        long reasoningTokens) {
    public static final CallUsage NONE = new CallUsage(0, 0, 0, 0, 0, 0, 0, 0);
    private static final CallUsage ONE_STORED = new CallUsage(0, 1, 0, 0, 0, 0, 0, 0);

    public static CallUsage of(ChatResult r) {
        return r.stored()
                ? ONE_STORED
                : new CallUsage(
                        r.attempts(),
                        0,
                        r.promptTokens(),
                        r.completionTokens(),
                        r.costUsd(),
                        r.latencyMs(),
                        r.cachedTokens(),
                        r.reasoningTokens());
    }

    public static CallUsage of(LogprobResult r) {
        return r.stored()
                ? ONE_STORED
                : new CallUsage(r.attempts(), 0, r.promptTokens(), 0, r.costUsd(), r.latencyMs(), 0, 0);
    }

    public CallUsage plus(CallUsage other) {
        return new CallUsage(
                calls + other.calls,
                stored + other.stored,
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                costUsd + other.costUsd,
                latencyMs + other.latencyMs,
                cachedTokens + other.cachedTokens,
                reasoningTokens + other.reasoningTokens);
    }
}
