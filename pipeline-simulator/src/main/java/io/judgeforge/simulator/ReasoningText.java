package io.judgeforge.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The thinking of a simulated reasoning model: filler of a length drawn per request, so that under a
 * small {@code max_completion_tokens} a share of requests spends it all before answering.
 */
final class ReasoningText {
    static final int MIN_TOKENS = 24;
    static final int MAX_TOKENS = 160;
    private static final String OPENING = "Let me think about what is asked.";

    private ReasoningText() {}

    static String write(SplittableRandom random) {
        int length = MIN_TOKENS + random.nextInt(MAX_TOKENS - MIN_TOKENS + 1);
        List<String> filler = FillerText.tokens(Math.max(0, length - Tokenizer.count(OPENING)), random);
        return OPENING + String.join("", filler);
    }
}
