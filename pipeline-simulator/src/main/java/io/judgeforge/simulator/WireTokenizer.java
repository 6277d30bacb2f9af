package io.judgeforge.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens as a real server decodes them, for the {@link Realism#bos()} and
 * {@link Realism#byteTokens()} switches: the simulator's word tokens, with each character of three
 * or four UTF-8 bytes (CJK, emoji, most symbols) split into two to four byte tokens that decode to
 * U+FFFD each, as a byte-level BPE tokenizer's rare characters do when decoded one token at a time.
 * Characters of one or two bytes (ASCII, "é", Greek, Cyrillic) stay whole. Lengths and offsets of
 * these tokens are counted in Unicode code points, as Python (and so vLLM) counts them: an emoji is
 * one code point but two Java chars.
 */
final class WireTokenizer {
    /** Llama 3's BOS token, as vLLM decodes it. */
    static final String BOS = "<|begin_of_text|>";

    static final String REPLACEMENT = "\uFFFD";

    private WireTokenizer() {}

    /** The decoded tokens of {@code text}; they concatenate back to it unless byte tokens replaced characters. */
    static List<String> tokenize(String text, boolean byteTokens) {
        List<String> tokens = new ArrayList<>();
        for (Token token : Tokenizer.tokenize(text)) {
            if (byteTokens) {
                splitRareCharacters(token.text(), tokens);
            } else {
                tokens.add(token.text());
            }
        }
        return tokens;
    }

    /** How many byte tokens a character becomes: 1 (whole) below U+0800, else 2 to its UTF-8 length. */
    static int byteTokenCount(int codePoint) {
        int bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= 2) {
            return 1;
        }
        return 2 + (int) Math.floorMod(StableHash.mix(codePoint), (long) (bytes - 1));
    }

    /** Python's {@code len()} of a string: its code points. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void splitRareCharacters(String text, List<String> out) {
        StringBuilder whole = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            int pieces = byteTokenCount(codePoint);
            if (pieces == 1) {
                whole.appendCodePoint(codePoint);
                return;
            }
            if (whole.length() > 0) {
                out.add(whole.toString());
                whole.setLength(0);
            }
            for (int i = 0; i < pieces; i++) {
                out.add(REPLACEMENT);
            }
        });
        if (whole.length() > 0) {
            out.add(whole.toString());
        }
    }
}
