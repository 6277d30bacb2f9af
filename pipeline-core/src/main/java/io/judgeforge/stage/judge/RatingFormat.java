package io.judgeforge.stage.judge;

import io.judgeforge.config.ConfigException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where a judge's output states its overall verdict, and how to cut that verdict out as raw text. The one
 * definition of the rating formats, shared by the judge stage ({@link JudgmentParser}) and meta-evaluation
 * ({@code eval.RatingParser}); what the text must then be (a number on a scale, a pairwise label) is the caller's
 * rule.
 *
 * <ul>
 *   <li>{@code themis}: the {@code [[n]]} right after "overall rating of this response is". An echoed template
 *       placeholder there ({@code [[a score from 1 to 5]]}, anything that is not a number) is skipped, because the
 *       real verdict may follow; two different numbers there are a failure, since either could be the verdict.
 *   <li>{@code result}: Prometheus, {@code "Feedback: ... [RESULT] n"}; the last {@code [RESULT] x}. A
 *       {@code Score:} label after the marker is allowed (GPT-4 wrote {@code [RESULT] Score: 1.} in the
 *       Prometheus data).
 *   <li>{@code last}: the last {@code [[x]]} (MT-Bench's {@code Rating: [[5]]}). Judges conclude with the verdict,
 *       and earlier brackets may be echoed examples.
 *   <li>{@code regex:PATTERN}: a Java regex with exactly one capture group; its last match. Applied as written:
 *       the user's pattern decides what counts.
 * </ul>
 *
 * <p>For {@code result} and {@code last}, a match inside quotation marks on its line is skipped: prompts quote
 * their format and examples ({@code "[[rating]]", for example: "Rating: [[5]]"}), so a quoted bracket in the
 * output is an echo of the prompt, not the judge's verdict. Precisely: a match is quoted when an odd number of
 * double quotes ({@code " “ ”}) precede it on its line and at least one follows it there.
 *
 * <p>The last candidate is the verdict even when it is not a number, so that a template placeholder
 * ({@code [[rating]]}, {@code [RESULT] (an integer number between 1 and 5)}) after the verdict fails the parse
 * rather than letting an earlier bracket stand in; a placeholder is never a score either way.
 */
public final class RatingFormat implements Serializable {
    /** The accepted specifications, for error messages. */
    public static final String NAMES = "themis, result, last or regex:PATTERN";

    private static final Pattern THEMIS_OVERALL = Pattern.compile(
            "overall rating (?:of|for) (?:this|the) response is\\s*\\[\\[\\s*([^\\]]*?)\\s*]]",
            Pattern.CASE_INSENSITIVE);
    // The value is a parenthesised placeholder or one token on the marker's line (a number at the start of the next
    // line may be a list item); trailing sentence punctuation is cut off afterwards.
    private static final Pattern RESULT = Pattern.compile(
            "\\[RESULT][ \\t]*(?:score[ \\t]*:?[ \\t]*)?(\\([^)\\n]*\\)|[^\\s()\\[\\]]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_BRACKET = Pattern.compile("\\[\\[\\s*([^\\[\\]]*?)\\s*]]");
    private static final String QUOTES = "\"“”";

    private enum Kind {
        THEMIS,
        RESULT,
        LAST,
        REGEX
    }

    /** The verdict's raw text, and where it ends in the output (critique sections are read after it). */
    public sealed interface Extraction permits Found, Missing {}

    public record Found(String raw, int end) implements Extraction {}

    public record Missing(String reason) implements Extraction {}

    /** The default: what the project's own judge template asks for. */
    static final RatingFormat THEMIS = new RatingFormat("themis", Kind.THEMIS, THEMIS_OVERALL);

    private final String spec;
    private final Kind kind;
    private final Pattern pattern;

    private RatingFormat(String spec, Kind kind, Pattern pattern) {
        this.spec = spec;
        this.kind = kind;
        this.pattern = pattern;
    }

    /**
     * Reads a format specification; a bad one is a {@link ConfigException} naming {@code key} (the flag or config
     * key it came from), so a bad regex fails before any output is read.
     */
    public static RatingFormat of(String key, String spec) {
        switch (spec) {
            case "themis":
                return THEMIS;
            case "result":
                return new RatingFormat(spec, Kind.RESULT, RESULT);
            case "last":
                return new RatingFormat(spec, Kind.LAST, LAST_BRACKET);
            default:
                break;
        }
        if (!spec.startsWith("regex:")) {
            throw ConfigException.invalid(key, spec, NAMES);
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(spec.substring("regex:".length()));
        } catch (PatternSyntaxException e) {
            throw ConfigException.invalid(
                    key,
                    spec,
                    "regex:PATTERN with a valid Java regex; " + e.getDescription() + " at index " + e.getIndex());
        }
        int groups = pattern.matcher("").groupCount();
        ConfigException.check(groups == 1, key, spec, "a regex with exactly one capture group; it has " + groups);
        return new RatingFormat(spec, Kind.REGEX, pattern);
    }

    public String spec() {
        return spec;
    }

    /** The Themis format also carries per-point scores and critique lists; the others hold the verdict alone. */
    public boolean isThemis() {
        return kind == Kind.THEMIS;
    }

    public Extraction extract(String text) {
        return kind == Kind.THEMIS ? themis(text) : last(text);
    }

    /** The raw verdict as it appeared, for failure messages. */
    String shown(String raw) {
        switch (kind) {
            case THEMIS:
            case LAST:
                return "[[" + raw + "]]";
            case RESULT:
                return "[RESULT] " + raw;
            default:
                return "'" + raw + "'";
        }
    }

    private Extraction themis(String text) {
        Matcher m = pattern.matcher(text);
        Found first = null;
        BigDecimal value = null;
        String placeholder = null;
        while (m.find()) {
            String raw = m.group(1);
            BigDecimal number = decimal(raw);
            if (number == null) {
                placeholder = raw;
                continue;
            }
            if (value == null) {
                first = new Found(raw, m.end());
                value = number;
            } else if (value.compareTo(number) != 0) {
                return new Missing("two conflicting overall ratings: [[" + first.raw() + "]] and [[" + raw + "]]");
            }
        }
        if (first != null) {
            return first;
        }
        return new Missing(
                placeholder == null
                        ? "no overall rating '[[n]]' after 'overall rating of this response is'"
                        : "overall rating is not an integer: [[" + placeholder + "]]");
    }

    private Extraction last(String text) {
        Matcher m = pattern.matcher(text);
        boolean quotedOnly = false;
        Found last = null;
        while (m.find()) {
            if (kind != Kind.REGEX && quoted(text, m.start(), m.end())) {
                quotedOnly = true;
                continue;
            }
            String raw = m.group(1);
            if (kind == Kind.RESULT && raw != null) {
                raw = raw.replaceFirst("[.,;:!]+$", "");
            }
            last = new Found(raw == null ? null : raw.strip(), m.end());
        }
        if (last == null) {
            String what = switch (kind) {
                case RESULT -> "no [RESULT] x in the text";
                case LAST -> "no [[x]] in the text";
                default -> "the regex does not match the text";
            };
            return new Missing(quotedOnly ? what + " outside quotation marks (a quoted one echoes the prompt)" : what);
        }
        if (last.raw() == null || last.raw().isEmpty()) {
            return new Missing(
                    kind == Kind.RESULT ? "nothing after the last [RESULT]" : "the last match captured nothing");
        }
        return last;
    }

    /** Whether text[start, end) lies between double quotes on its line: see the class comment. */
    static boolean quoted(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        int before = 0;
        for (int i = lineStart; i < start; i++) {
            if (QUOTES.indexOf(text.charAt(i)) >= 0) {
                before++;
            }
        }
        if (before % 2 == 0) {
            return false;
        }
        for (int i = end; i < lineEnd; i++) {
            if (QUOTES.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A plain decimal number, or {@code null}. {@link BigDecimal} rather than {@link Double#parseDouble}, which would
     * also accept "NaN", "Infinity", hex and a trailing "d".
     */
    public static Double number(String text) {
        BigDecimal value = decimal(text);
        return value == null ? null : value.doubleValue();
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}
