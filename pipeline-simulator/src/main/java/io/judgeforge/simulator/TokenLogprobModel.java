package io.judgeforge.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A toy language model that scores tokens without any randomness from the request. Its one real
 * property is the one the pipeline measures: a word is cheap to predict once it has been seen in the
 * same text. So an answer costs fewer nats after an instruction that shares its words, and the
 * Instruction-Following Difficulty (NLL of the answer given the instruction over NLL of the answer
 * alone) drops below 1 for on-topic pairs, as it does with a real model.
 */
final class TokenLogprobModel {
    private static final double MOST_LIKELY_NEW = -2.0;
    private static final double LEAST_LIKELY_NEW = -6.5;
    private static final double REPEATED = -0.6;
    private static final double REPEATED_JITTER = 0.3;

    private TokenLogprobModel() {}

    /**
     * Log-probability of every token given the tokens before it. Position 0 has no context; it gets
     * its unconditional value and callers that echo the prompt report it as null, as OpenAI does.
     */
    static double[] logprobs(List<Token> tokens) {
        double[] result = new double[tokens.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).word();
            result[i] = round(seen.contains(word) ? repeated(word, i) : unseen(word));
            seen.add(word);
        }
        return result;
    }

    private static double repeated(String word, int position) {
        return REPEATED - REPEATED_JITTER * StableHash.unit(StableHash.of(word + '#' + position));
    }

    /** Short and common words are likelier, like in any natural-language model. */
    private static double unseen(String word) {
        double jitter = StableHash.unit(StableHash.of(word));
        double value;
        if (word.length() <= 1) {
            value = MOST_LIKELY_NEW - 1.0 * jitter;
        } else if (ContentWords.isStopWord(word)) {
            value = MOST_LIKELY_NEW - 1.2 * jitter;
        } else {
            double rarity = Math.min(1.0, (word.length() - 2) / 10.0);
            value = -2.8 - 2.2 * rarity - 1.5 * jitter;
        }
        return Math.max(LEAST_LIKELY_NEW, Math.min(MOST_LIKELY_NEW, value));
    }

    /** Six decimals keep the JSON short; the values are synthetic, so no precision is lost. */
    private static double round(double value) {
        return Math.round(value * 1_000_000.0) / 1_000_000.0;
    }
}
