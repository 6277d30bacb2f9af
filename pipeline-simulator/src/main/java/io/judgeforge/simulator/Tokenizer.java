package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level stand-in for a BPE tokenizer. Every token is optional leading whitespace followed by
 * either a run of letters/digits or one other character; trailing whitespace becomes a token of its
 * own. Because nothing is dropped, the tokens always concatenate back to the original text, which is
 * what clients relying on {@code text_offset} expect from a real server.
 */
final class Tokenizer {
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:[\\p{L}\\p{N}]+|\\S)|\\s+");

    private Tokenizer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start()));
        }
        return tokens;
    }

    static int count(String text) {
        int count = 0;
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The first {@code maxTokens} tokens of {@code text}, as text. */
    static String truncate(String text, int maxTokens) {
        List<Token> tokens = tokenize(text);
        if (tokens.size() <= maxTokens) {
            return text;
        }
        return maxTokens == 0 ? "" : text.substring(0, tokens.get(maxTokens).offset());
    }
}
