package io.judgeforge.stage.judge;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a single-answer judgment. In the Themis format (the default) the overall score is the {@code [[n]]} right
 * after the overall-rating phrase, never merely the first bracket in the text: a judge that echoes the prompt's own
 * {@code [[a score from 1 to 5]]} or an example must not be read as scoring it (prometheus-eval issue 58, where
 * every score came out as 5). Other judges' formats are a {@link RatingFormat}. A missing, conflicting or off-scale
 * overall score is a parse failure; the parser never supplies a default.
 *
 * <p>Themis asks for an integer, so there {@code [[4.5]]} is a failure; other formats may give decimals
 * ({@code Rating: [[8.5]]}). Per-point scores and the strengths and shortcomings lists exist in the Themis format
 * only, and are read after the overall rating, so an echoed copy of the template before it is not taken for them.
 */
public final class JudgmentParser implements Serializable {
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(?:(?<good>strengths|advantages)|shortcomings|disadvantages|weaknesses) of the current response(?<side>)"
                    + "\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern POINT = Pattern.compile(
            "^\\s*\\d{1,2}[.)]\\s+(.*?)\\s*\\[\\[\\s*(\\d+(?:\\.\\d+)?)\\s*]]\\s*\\.?\\s*$", Pattern.MULTILINE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final int minScore;
    private final int maxScore;
    private final RatingFormat format;

    /** The Themis format. */
    public JudgmentParser(int minScore, int maxScore) {
        this(minScore, maxScore, RatingFormat.THEMIS);
    }

    /**
     * A judge with another output format: {@code themis}, {@code result}, {@code last} or {@code regex:PATTERN}
     * (see {@link RatingFormat}); a bad one is a {@link io.judgeforge.config.ConfigException}.
     */
    public JudgmentParser(int minScore, int maxScore, String format) {
        this(minScore, maxScore, RatingFormat.of("rating format", format));
    }

    private JudgmentParser(int minScore, int maxScore, RatingFormat format) {
        this.minScore = minScore;
        this.maxScore = maxScore;
        this.format = format;
    }

    public RatingFormat format() {
        return format;
    }

    /** The parse, or a failure whose message says what is wrong. */
    public sealed interface Result permits Parsed, Failed {}

    public record Parsed(ParsedJudgment judgment) implements Result {}

    public record Failed(String detail) implements Result {}

    public Result parse(String output) {
        RatingFormat.Extraction extraction = format.extract(output);
        if (extraction instanceof RatingFormat.Missing missing) {
            return new Failed(missing.reason());
        }
        RatingFormat.Found found = (RatingFormat.Found) extraction;
        String shown = format.shown(found.raw());
        Double overall = RatingFormat.number(found.raw());
        if (overall == null) {
            return new Failed("overall rating is not a number: " + shown);
        }
        if (format.isThemis() && !INTEGER.matcher(found.raw()).matches()) {
            return new Failed("overall rating is not an integer: " + shown);
        }
        if (overall < minScore || overall > maxScore) {
            return new Failed("overall rating " + shown + " is off the scale " + minScore + "-" + maxScore);
        }
        if (!format.isThemis()) {
            return new Parsed(new ParsedJudgment(overall, List.of(), List.of(), List.of()));
        }
        List<String> strengths = new ArrayList<>();
        List<String> shortcomings = new ArrayList<>();
        List<Integer> pointScores = new ArrayList<>();
        for (CritiqueSections.Section section : CritiqueSections.after(output, found.end(), HEADING)) {
            String failure = points(section.body(), section.strengths() ? strengths : shortcomings, pointScores);
            if (failure != null) {
                return new Failed(failure);
            }
        }
        return new Parsed(new ParsedJudgment(overall, pointScores, strengths, shortcomings));
    }

    private String points(String section, List<String> texts, List<Integer> scores) {
        Matcher p = POINT.matcher(section);
        while (p.find()) {
            String raw = p.group(2);
            if (!INTEGER.matcher(raw).matches()) {
                return "point rating [[" + raw + "]] is not an integer";
            }
            double score = RatingFormat.number(raw);
            if (score < minScore || score > maxScore) {
                return "point rating [[" + raw + "]] is off the scale " + minScore + "-" + maxScore;
            }
            texts.add(p.group(1));
            scores.add((int) score);
        }
        return null;
    }
}
