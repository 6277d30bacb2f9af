package io.judgeforge.stage.judge;

import io.judgeforge.config.ConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pairwise judgment. Verdict tokens are {@code [[A]]} (the first response is better), {@code [[B]]} (the
 * second) and {@code [[C]]} (a tie), in any case and with spaces allowed inside the brackets. Two formats:
 *
 * <ul>
 *   <li>{@code themis} (the default), the project's template: "I believe the better response is [[A]], and the
 *       reasons are as follows." then "Strengths of Response A:", "Shortcomings of Response A:" and the same for B,
 *       each a numbered list. The verdict is the token right after "the better response is"; an echoed placeholder
 *       there ({@code [[A, B or C]]}) is skipped. Every verdict token from the verdict on must agree with it: a
 *       judge that says {@code [[A]]} and later {@code [[B]]} has not decided.
 *   <li>{@code last} (MT-Bench style, a bare token at the end): the text must hold exactly one distinct verdict
 *       token, which may repeat. Tokens inside quotation marks on their line are not counted (the rule of
 *       {@link RatingFormat}): they are the prompt's instructions echoed, as MT-Bench's
 *       {@code "[[A]]" if assistant A is better, "[[B]]" if assistant B is better}. Two distinct unquoted tokens
 *       fail rather than let the last one win, since an unquoted echo or paraphrase of the instructions lists
 *       several. There are no critique lists in this format.
 * </ul>
 *
 * <p>No verdict, a placeholder only, or disagreeing verdicts are a failure with the reason; never a default.
 */
public final class VerdictParser implements Serializable {
    /** The accepted formats, for error messages. */
    public static final String FORMATS = "themis or last";

    private static final Pattern THEMIS_VERDICT =
            Pattern.compile("the better response is\\s*\\[\\[\\s*([^\\[\\]]*?)\\s*]]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("\\[\\[\\s*([abcABC])\\s*]]");
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(?:(?<good>strengths|advantages)|shortcomings|disadvantages|weaknesses) of response (?<side>[AB])"
                    + "\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final boolean themis;

    /** The Themis format. */
    public VerdictParser() {
        this.themis = true;
    }

    /** {@code themis} or {@code last}; anything else is a {@link ConfigException}. */
    public VerdictParser(String format) {
        ConfigException.check(format.equals("themis") || format.equals("last"), "verdict format", format, FORMATS);
        this.themis = format.equals("themis");
    }

    /** The parse, or a failure whose message says what is wrong. */
    public sealed interface Result permits Parsed, Failed {}

    public record Parsed(ParsedVerdict verdict) implements Result {}

    public record Failed(String detail) implements Result {}

    public Result parse(String output) {
        return themis ? themis(output) : last(output);
    }

    private Result themis(String output) {
        Matcher m = THEMIS_VERDICT.matcher(output);
        String placeholder = null;
        while (m.find()) {
            Verdict verdict = Verdict.ofToken(m.group(1));
            if (verdict == null) {
                placeholder = m.group(1);
                continue;
            }
            return agreeing(output, verdict, m.end());
        }
        return new Failed(
                placeholder == null
                        ? "no verdict [[A]], [[B]] or [[C]] after 'the better response is'"
                        : "verdict is not A, B or C: [[" + placeholder + "]]");
    }

    /** The verdict whose token ends at {@code end}, unless a later unquoted token says otherwise. */
    private static Result agreeing(String output, Verdict verdict, int end) {
        Matcher t = TOKEN.matcher(output);
        t.region(end, output.length());
        while (t.find()) {
            Verdict other = Verdict.ofToken(t.group(1));
            if (other != verdict && !RatingFormat.quoted(output, t.start(), t.end())) {
                return new Failed("conflicting verdicts: " + verdict.token() + " after 'the better response is', then "
                        + other.token());
            }
        }
        List<String> strengthsA = new ArrayList<>();
        List<String> shortcomingsA = new ArrayList<>();
        List<String> strengthsB = new ArrayList<>();
        List<String> shortcomingsB = new ArrayList<>();
        for (CritiqueSections.Section section : CritiqueSections.after(output, end, HEADING)) {
            boolean first = section.side().equalsIgnoreCase("A");
            List<String> list =
                    section.strengths() ? (first ? strengthsA : strengthsB) : (first ? shortcomingsA : shortcomingsB);
            list.addAll(CritiqueSections.points(section.body()));
        }
        return new Parsed(new ParsedVerdict(verdict, strengthsA, shortcomingsA, strengthsB, shortcomingsB));
    }

    private static Result last(String output) {
        Matcher t = TOKEN.matcher(output);
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        boolean quoted = false;
        while (t.find()) {
            if (RatingFormat.quoted(output, t.start(), t.end())) {
                quoted = true;
            } else {
                verdicts.add(Verdict.ofToken(t.group(1)));
            }
        }
        if (verdicts.isEmpty()) {
            return new Failed(
                    quoted
                            ? "no verdict [[A]], [[B]] or [[C]] outside quotation marks (a quoted one echoes the prompt)"
                            : "no verdict [[A]], [[B]] or [[C]] in the text");
        }
        if (verdicts.size() > 1) {
            return new Failed("more than one verdict in the text: "
                    + String.join(", ", verdicts.stream().map(Verdict::token).toList()));
        }
        Verdict verdict = verdicts.iterator().next();
        return new Parsed(new ParsedVerdict(verdict, List.of(), List.of(), List.of(), List.of()));
    }
}
