package io.judgeforge.teacher;

/**
 * Log-probabilities of a text's tokens from an OpenAI-compatible {@code /completions} endpoint
 * with {@code echo} and {@code logprobs} (vLLM and similar servers; OpenAI's legacy completions
 * models do not serve them). Failures come back as outcomes; a fatal answer is thrown.
 */
public interface CompletionClient {
    LogprobResult promptLogprobs(ScorerCall call, String prompt);

    /** Which endpoint and model score a text. */
    record ScorerCall(String endpoint, String model) implements java.io.Serializable {}
}
