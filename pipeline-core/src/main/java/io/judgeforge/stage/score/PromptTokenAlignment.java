package io.judgeforge.stage.score;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where each token of an echoed prompt lies in the prompt, found from the returned token texts and
 * the prompt alone. {@code text_offset} is not used: vLLM computes it as a running sum of the
 * decoded tokens' lengths in Python code points, counted from a BOS token whose text is not in the
 * prompt, so it is neither a Java index nor, after an emoji or a byte-split character, a position in
 * the prompt at all.
 *
 * <p>The tokens are matched against the prompt's UTF-8 bytes, in order:
 *
 * <ul>
 *   <li>A character of a token matches its own UTF-8 bytes.
 *   <li>A U+FFFD in a token matches a literal U+FFFD, or 1 to 4 non-ASCII bytes. A token that holds
 *       only part of a character's bytes (byte-fallback and byte-level BPE tokenizers) decodes alone
 *       to U+FFFD, so the tokens no longer spell the text.
 *   <li>A token may also take the one space just before its text. SentencePiece tokenizers (Llama 2,
 *       Mistral) drop the leading space of a token decoded alone ("▁" alone becomes ""), and vLLM
 *       versions that decode each token alone, without restoring it, return such tokens. An exact
 *       match is preferred.
 *   <li>Up to {@value #MAX_PREFIX_TOKENS} leading tokens may match nothing. These are prefix tokens,
 *       such as a BOS ({@code <|begin_of_text|>}, {@code <s>}, {@code <bos>}). They get the empty
 *       span [-1, -1) and count as prompt tokens. The fewest that let the rest align are taken.
 *   <li>The prompt tokens are the ones that cover every byte. With {@code promptTokens} (usage's
 *       {@code prompt_tokens}, the BOS included on vLLM) above 0, they are exactly that many tokens.
 *       Without it (0), they are the most tokens that align, leaving at most
 *       {@value #MAX_GENERATED_WITHOUT_USAGE} after them and none with empty text last (an EOS).
 *       The tokens after them were generated ({@code max_tokens: 1}) and are dropped.
 * </ul>
 *
 * A span is in Java chars of the prompt. A token that covers only part of a character's bytes gets
 * the whole character's span, so the byte tokens of one character share a span. A token with empty
 * text gets an empty span where it stands. When no assignment spells the prompt, the result is not
 * {@link #aligned()}, and {@link #failure()} says why.
 */
public final class PromptTokenAlignment {
    public static final int MAX_PREFIX_TOKENS = 4;
    /** Without usage's prompt_tokens, how many trailing tokens may be generated ones (the scorer asks for 1). */
    public static final int MAX_GENERATED_WITHOUT_USAGE = 4;
    /** Start and end of a prefix token's span. */
    public static final int PREFIX = -1;
    /** Matching steps allowed before an alignment is given up as too ambiguous (a long run of U+FFFD tokens). */
    static final long MAX_STEPS = 5_000_000L;

    private static final int REPLACEMENT = 0xFFFD;

    /**
     * One prompt token: its index in the returned tokens, its span [start, end) in Java chars of the
     * prompt ([-1, -1) for a prefix token), and its log-probability (null where the server gives none).
     */
    public record TokenSpan(int token, int start, int end, Double logprob) {
        public boolean prefix() {
            return start == PREFIX;
        }
    }

    private final List<TokenSpan> spans;
    private final int prefixTokens;
    private final String failure;

    private PromptTokenAlignment(List<TokenSpan> spans, int prefixTokens, String failure) {
        this.spans = spans;
        this.prefixTokens = prefixTokens;
        this.failure = failure;
    }

    /**
     * Aligns {@code tokens} (the texts of {@code choices[0].logprobs.tokens}, prompt then generated) to
     * {@code prompt}. {@code logprobs} are the tokens' {@code token_logprobs}, the same length;
     * {@code promptTokens} is usage's {@code prompt_tokens}, or 0 when unknown.
     */
    public static PromptTokenAlignment align(
            String prompt, List<String> tokens, List<Double> logprobs, long promptTokens) {
        if (tokens == null || logprobs == null || tokens.size() != logprobs.size()) {
            return failed("the response has no tokens with one log-probability each");
        }
        int n = tokens.size();
        if (promptTokens > n) {
            return failed("usage.prompt_tokens is " + promptTokens + " but only " + n + " tokens were returned");
        }
        int[][] codePoints = new int[n][];
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            codePoints[i] = t == null ? new int[0] : t.codePoints().toArray();
        }
        Matcher matcher = new Matcher(prompt, codePoints);
        for (int k = 0; k <= Math.min(MAX_PREFIX_TOKENS, n); k++) {
            int lowest = promptTokens > 0 ? (int) promptTokens : Math.max(k, n - MAX_GENERATED_WITHOUT_USAGE);
            int highest = promptTokens > 0 ? (int) promptTokens : n;
            for (int m = highest; m >= lowest && m >= k; m--) {
                if (promptTokens <= 0 && m > k && codePoints[m - 1].length == 0) {
                    continue; // without usage, an empty token at the end is taken as generated (an EOS)
                }
                int[] starts = matcher.path(k, m);
                if (matcher.tooAmbiguous()) {
                    return failed("the tokens' U+FFFD characters leave too many ways to place them in the prompt");
                }
                if (starts != null) {
                    return aligned(matcher, logprobs, k, m, starts);
                }
            }
        }
        return failed(
                promptTokens > 0
                        ? "the returned tokens do not spell the prompt in its " + promptTokens
                                + " tokens (usage.prompt_tokens)"
                        : "the returned tokens do not spell the prompt");
    }

    private static PromptTokenAlignment aligned(Matcher matcher, List<Double> logprobs, int k, int m, int[] starts) {
        List<TokenSpan> spans = new ArrayList<>(m);
        for (int i = 0; i < k; i++) {
            spans.add(new TokenSpan(i, PREFIX, PREFIX, logprobs.get(i)));
        }
        for (int i = k; i < m; i++) {
            int from = starts[i - k];
            int to = starts[i - k + 1];
            int start = matcher.charFloor(from);
            spans.add(new TokenSpan(i, start, from == to ? start : matcher.charCeil(to), logprobs.get(i)));
        }
        return new PromptTokenAlignment(Collections.unmodifiableList(spans), k, null);
    }

    private static PromptTokenAlignment failed(String why) {
        return new PromptTokenAlignment(List.of(), 0, why);
    }

    public boolean aligned() {
        return failure == null;
    }

    /** Why the tokens could not be aligned; null when they were. */
    public String failure() {
        return failure;
    }

    /** The prompt tokens in order, prefix tokens first; no generated token. Empty when not aligned. */
    public List<TokenSpan> spans() {
        return spans;
    }

    /** The number of prompt tokens, prefix tokens included. */
    public int promptTokenCount() {
        return spans.size();
    }

    public int prefixTokens() {
        return prefixTokens;
    }

    /** Matching of token texts against the prompt's UTF-8 bytes. */
    private static final class Matcher {
        private final byte[] bytes;
        private final int[][] tokens;
        /** For each byte, the Java index of the character it belongs to; for bytes.length, the prompt's length. */
        private final int[] charOf;
        /** For each byte, the Java index just after the character it belongs to. */
        private final int[] charEndOf;

        private long steps;

        Matcher(String prompt, int[][] tokens) {
            this.tokens = tokens;
            bytes = prompt.getBytes(StandardCharsets.UTF_8);
            charOf = new int[bytes.length + 1];
            charEndOf = new int[bytes.length + 1];
            int b = 0;
            for (int c = 0; c < prompt.length(); ) {
                int cp = prompt.codePointAt(c);
                int chars = Character.charCount(cp);
                // A lone surrogate is encoded as one '?' byte.
                int len = isSurrogate(cp) ? 1 : utf8Length(cp);
                for (int i = 0; i < len; i++) {
                    charOf[b + i] = c;
                    charEndOf[b + i] = c + chars;
                }
                b += len;
                c += chars;
            }
            charOf[bytes.length] = prompt.length();
            charEndOf[bytes.length] = prompt.length();
        }

        boolean tooAmbiguous() {
            return steps > MAX_STEPS;
        }

        int charFloor(int b) {
            return charOf[b];
        }

        /** The Java index at or after byte position {@code b}: the end of the character that byte b - 1 is in. */
        int charCeil(int b) {
            return b == 0 ? 0 : charEndOf[b - 1];
        }

        /**
         * Byte boundaries of tokens {@code first} .. {@code end - 1} spelling the whole prompt (token
         * {@code first + j} covers bytes [starts[j], starts[j + 1])), or null when they cannot. A position
         * is kept only when the tokens after it can still cover exactly the bytes left: each U+FFFD
         * takes 1 to 4 bytes, every other character its own, a token at most one space more. This keeps
         * a run of one-byte U+FFFD tokens to one position; a long run of U+FFFD tokens that each take
         * more than one byte, with no other token between them, can still exceed {@link #MAX_STEPS}.
         */
        int[] path(int first, int end) {
            int count = end - first;
            long[] minLeft = new long[count + 1];
            long[] maxLeft = new long[count + 1];
            for (int j = count - 1; j >= 0; j--) {
                int[] t = tokens[first + j];
                long min = 0;
                long max = 1;
                for (int cp : t) {
                    min += cp == REPLACEMENT ? 1 : utf8Length(cp);
                    max += cp == REPLACEMENT ? 4 : utf8Length(cp);
                }
                minLeft[j] = minLeft[j + 1] + min;
                maxLeft[j] = maxLeft[j + 1] + max;
            }
            if (bytes.length < minLeft[0] || bytes.length > maxLeft[0]) {
                return null;
            }
            // positions[j]: byte positions reachable after j tokens; previous[j]: the position each came from.
            int[][] positions = new int[count + 1][];
            int[][] previous = new int[count + 1][];
            positions[0] = new int[] {0};
            previous[0] = new int[] {-1};
            for (int j = 0; j < count; j++) {
                List<Integer> to = new ArrayList<>(2);
                List<Integer> back = new ArrayList<>(2);
                Set<Integer> seen = new HashSet<>();
                // Exact matches first, so that a position reached both ways comes from an exact one.
                for (boolean takeSpace : new boolean[] {false, true}) {
                    for (int p : positions[j]) {
                        for (int e : ends(tokens[first + j], p, takeSpace)) {
                            long left = bytes.length - e;
                            if (left >= minLeft[j + 1] && left <= maxLeft[j + 1] && seen.add(e)) {
                                to.add(e);
                                back.add(p);
                            }
                        }
                        if (tooAmbiguous()) {
                            return null;
                        }
                    }
                }
                if (to.isEmpty()) {
                    return null;
                }
                positions[j + 1] = to.stream().mapToInt(Integer::intValue).toArray();
                previous[j + 1] = back.stream().mapToInt(Integer::intValue).toArray();
            }
            if (indexOf(positions[count], bytes.length) < 0) {
                return null;
            }
            int[] starts = new int[count + 1];
            int pos = bytes.length;
            for (int j = count; j >= 0; j--) {
                starts[j] = pos;
                if (j > 0) {
                    pos = previous[j][indexOf(positions[j], pos)];
                }
            }
            return starts;
        }

        private static int indexOf(int[] values, int value) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Every byte position one token can end at when it starts at {@code from}: matching its text
         * there, or, with {@code takeSpace}, after taking back the space at {@code from} (a SentencePiece
         * decoder drops the leading space of a token decoded alone; "▁" alone becomes "").
         */
        List<Integer> ends(int[] token, int from, boolean takeSpace) {
            List<Integer> out = new ArrayList<>(1);
            if (!takeSpace) {
                match(token, 0, from, out, new HashSet<>());
            } else if (from < bytes.length && bytes[from] == ' ') {
                match(token, 0, from + 1, out, new HashSet<>());
            }
            return out;
        }

        private void match(int[] token, int j, int at, List<Integer> out, Set<Long> visited) {
            steps++;
            if (!visited.add(((long) j << 32) | at)) {
                return;
            }
            if (j == token.length) {
                if (!out.contains(at)) {
                    out.add(at);
                }
                return;
            }
            int cp = token[j];
            if (isSurrogate(cp)) {
                return; // a lone surrogate is no text the server could have tokenized
            }
            int len = utf8Length(cp);
            if (encodedAt(cp, len, at)) {
                match(token, j + 1, at + len, out, visited);
            }
            if (cp == REPLACEMENT) {
                for (int w = 1; w <= 4 && at + w <= bytes.length && (bytes[at + w - 1] & 0x80) != 0; w++) {
                    match(token, j + 1, at + w, out, visited);
                }
            }
        }

        /** Whether code point {@code cp}, {@code len} bytes in UTF-8, is encoded at byte {@code at}. */
        private boolean encodedAt(int cp, int len, int at) {
            if (at + len > bytes.length) {
                return false;
            }
            if (len == 1) {
                return bytes[at] == cp;
            }
            int lead = len == 2 ? 0xC0 | (cp >> 6) : len == 3 ? 0xE0 | (cp >> 12) : 0xF0 | (cp >> 18);
            if ((bytes[at] & 0xFF) != lead) {
                return false;
            }
            for (int i = 1; i < len; i++) {
                int shift = 6 * (len - 1 - i);
                if ((bytes[at + i] & 0xFF) != (0x80 | ((cp >> shift) & 0x3F))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isSurrogate(int cp) {
            return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
        }

        private static int utf8Length(int cp) {
            return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }
    }
}
