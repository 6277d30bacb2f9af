package io.judgeforge.stage.estimate;

/** A stage's expected calls and tokens; completions and cost are upper bounds (every answer at max-tokens). */
public record StageEstimate(
        String stage, long calls, long promptTokens, long completionTokensAtMost, double costUsdAtMost) {}
