package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What /v1/completions generates: plausible-looking filler, one token at a time. The pipeline only
 * uses that endpoint to score given text (echo with max_tokens 0), so the generated words need to be
 * deterministic and well-tokenized, not meaningful.
 */
final class FillerText {
    private static final List<String> WORDS = List.of(
            "the",
            "model",
            "answer",
            "is",
            "based",
            "on",
            "a",
            "clear",
            "reading",
            "of",
            "question",
            "and",
            "it",
            "gives",
            "useful",
            "detail",
            "about",
            "this",
            "topic",
            "with",
            "some",
            "examples",
            "that",
            "show",
            "how",
            "ideas",
            "connect",
            "in",
            "practice",
            "for",
            "readers",
            "who",
            "want",
            "more",
            "context",
            "when",
            "they",
            "learn",
            "new",
            "things");

    private FillerText() {}

    /**
     * Exactly {@code count} token texts. Every word carries its leading space and punctuation never
     * follows punctuation, so tokenizing the concatenation gives back the same tokens.
     */
    static List<String> tokens(int count, SplittableRandom random) {
        List<String> tokens = new ArrayList<>(count);
        boolean lastWasPunctuation = true;
        for (int i = 0; i < count; i++) {
            if (!lastWasPunctuation && random.nextDouble() < 0.12) {
                tokens.add(random.nextDouble() < 0.6 ? "." : ",");
                lastWasPunctuation = true;
            } else {
                tokens.add(" " + WORDS.get(random.nextInt(WORDS.size())));
                lastWasPunctuation = false;
            }
        }
        return tokens;
    }
}
