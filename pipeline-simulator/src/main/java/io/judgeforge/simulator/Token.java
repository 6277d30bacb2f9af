package io.judgeforge.simulator;

import java.util.Locale;

/**
 * One token of the simulator's tokenizer.
 *
 * @param text the token exactly as it appears, leading whitespace included
 * @param offset character offset of the token's first character in the tokenized text
 */
record Token(String text, int offset) {

    /** The token without its whitespace, lowercased: the unit the log-likelihood model remembers. */
    String word() {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
