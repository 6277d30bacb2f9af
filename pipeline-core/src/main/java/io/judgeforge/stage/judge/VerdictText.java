package io.judgeforge.stage.judge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites of a pairwise judgment's text, for the records the pipeline makes rather than asks for:
 * the mirrored order (A and B exchanged throughout) and an order-inconsistent pair made a tie.
 */
public final class VerdictText {
    private static final Pattern TOKEN =
            Pattern.compile("\\[\\[\\s*([ABab])\\s*]]|\\b(Response|response|Assistant|assistant) ([AB])\\b");
    private static final Pattern VERDICT = Pattern.compile("\\[\\[\\s*[ABCabc]\\s*]]");

    private VerdictText() {}

    /** The same judgment about the responses in the other order: every [[A]]/[[B]] and "Response A/B" exchanged. */
    public static String mirrored(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null
                    ? "[[" + (m.group(1).equalsIgnoreCase("A") ? "B" : "A") + "]]"
                    : m.group(2) + " " + (m.group(3).equals("A") ? "B" : "A");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text with every verdict token replaced by {@code token} (A, B or C). Callers check the result
     * parses to that verdict: prose that argues for one side is not rewritten.
     */
    public static String withVerdict(String text, String token) {
        if (!token.matches("[ABC]")) {
            throw new IllegalArgumentException("A verdict token is A, B or C, not " + token);
        }
        return VERDICT.matcher(text).replaceAll("[[" + token + "]]");
    }
}
