package io.judgeforge.teacher;

import java.util.List;

/**
 * Per-token log-probabilities of an echoed prompt ({@code /v1/completions} with {@code echo} and
 * {@code logprobs}). {@code tokenLogprobs} has a null where the server gives none (the first token).
 */
public record LogprobResult(
        CallOutcome outcome,
        List<String> tokens,
        List<Double> tokenLogprobs,
        List<Integer> textOffsets,
        int attempts,
        long latencyMs,
        long promptTokens,
        String error,
        boolean stored,
        double costUsd) {

    public boolean ok() {
        return outcome == CallOutcome.OK;
    }
}
