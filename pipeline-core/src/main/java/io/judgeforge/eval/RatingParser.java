package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.RatingFormat;
import io.judgeforge.stage.judge.Verdict;
import io.judgeforge.stage.judge.VerdictParser;
import java.util.Locale;

/**
 * Turns a prediction into a {@link Rating}: either a ready value ({@code pred}) or a judge's raw output
 * ({@code pred_text}) read with a {@link RatingFormat}, the same definition the judge stage uses.
 *
 * <ul>
 *   <li>{@code themis}: the project's own parsers, the ones the judge stage uses. Pointwise: {@link JudgmentParser},
 *       which takes the score after "overall rating of this response is", so a bracket echoed from the prompt is
 *       not read as the verdict. Pairwise: {@link VerdictParser}, the token after "the better response is"
 *       ({@code [[A]]}, {@code [[B]]} or {@code [[C]]} for a tie), which later tokens must not contradict.
 *   <li>{@code result}: the last {@code [RESULT] x} (Prometheus).
 *   <li>{@code last}: the last {@code [[x]]}. Judges state the verdict at the end (MT-Bench's {@code [[rating]]} and
 *       {@code [[A]]}), and anything earlier may be an echoed example.
 *   <li>{@code regex:PATTERN}: a Java regex with exactly one capture group; the last match wins, for the same
 *       reason.
 * </ul>
 *
 * <p>{@code result} and {@code last} skip a match in quotation marks, which echoes the prompt's format or example
 * (see {@link RatingFormat}). Pointwise values must be numbers on the scale. Pairwise values are labels:
 * {@code 1}/{@code A} (first response better), {@code 2}/{@code B} (second), {@code 0}/{@code C}/{@code tie}.
 * Anything else is {@link Rating.Unusable} with its reason; the parser never supplies a default.
 *
 * <p>Pointwise values are checked against the {@link PredictionScale}, which is the benchmark's scale unless the
 * judge scores on one of its own.
 */
public final class RatingParser {
    /** Values accepted for {@code --rating-format}. */
    public static final String FORMATS = RatingFormat.NAMES;

    private static final String FLAG = "--rating-format";

    private final RatingFormat format;
    private final EvalMode mode;
    private final PredictionScale scale;
    private final JudgmentParser themisScores;
    private final VerdictParser themisVerdicts = new VerdictParser();

    private RatingParser(RatingFormat format, EvalMode mode, Scale benchmark, PredictionScale scale) {
        this.format = format;
        this.mode = mode;
        this.scale = scale;
        // The Themis text format scores on the benchmark's scale; a judge with a scale of its own writes plain numbers.
        this.themisScores = new JudgmentParser(benchmark.min(), benchmark.max());
    }

    /** Checks {@code --rating-format} now, so a bad regex fails before any file is read. */
    public static RatingParser of(String format, EvalMode mode, Scale scale) {
        return of(format, mode, scale, PredictionScale.of(scale));
    }

    /** As {@link #of(String, EvalMode, Scale)}, for predictions on {@code predictionScale}. */
    public static RatingParser of(String format, EvalMode mode, Scale scale, PredictionScale predictionScale) {
        RatingFormat parsed = RatingFormat.of(FLAG, format);
        if (parsed.isThemis() && mode == EvalMode.POINTWISE && !predictionScale.sameAsBenchmark()) {
            // Refused here, before any file is read or judge called: the Themis text scores on the benchmark's scale.
            throw ConfigException.invalid(
                    FLAG,
                    parsed.spec(),
                    "result, last or regex:PATTERN when " + PredictionScale.FLAG
                            + " differs from the benchmark's scale; the Themis format scores on the benchmark's scale");
        }
        return new RatingParser(parsed, mode, scale, predictionScale);
    }

    public String format() {
        return format.spec();
    }

    /** Reads a {@code pred} value: a number (pointwise) or a label (pairwise). */
    public Rating fromValue(String pred) {
        if (pred == null || pred.isBlank()) {
            return new Rating.Unusable("empty prediction");
        }
        return mode == EvalMode.POINTWISE ? score(pred.strip()) : label(pred.strip());
    }

    /** Reads a {@code pred_text}: a judge's raw output, with this parser's format. */
    public Rating fromText(String text) {
        if (text == null || text.isBlank()) {
            return new Rating.Unusable("empty prediction text");
        }
        if (format.isThemis()) {
            return themis(text);
        }
        RatingFormat.Extraction extraction = format.extract(text);
        if (extraction instanceof RatingFormat.Missing missing) {
            return new Rating.Unusable(missing.reason());
        }
        String raw = ((RatingFormat.Found) extraction).raw();
        return mode == EvalMode.POINTWISE ? score(raw) : label(raw);
    }

    /**
     * Reads a {@code pred_swapped_text}: the judge's raw output with the responses shown in swapped order, so its
     * "first response" is the benchmark's second. The label is mapped back to the original numbering (1 and 2
     * exchanged, a tie stays a tie) before it is compared with anything.
     */
    public Rating swappedFromText(String text) {
        Rating rating = fromText(text);
        if (rating instanceof Rating.Value v && v.value() != 0) {
            return new Rating.Value(3 - v.value());
        }
        return rating;
    }

    private Rating themis(String text) {
        if (mode == EvalMode.PAIRWISE) {
            VerdictParser.Result result = themisVerdicts.parse(text);
            if (result instanceof VerdictParser.Parsed parsed) {
                Verdict verdict = parsed.verdict().verdict();
                return new Rating.Value(verdict == Verdict.A ? 1 : verdict == Verdict.B ? 2 : 0);
            }
            return new Rating.Unusable(((VerdictParser.Failed) result).detail());
        }
        JudgmentParser.Result result = themisScores.parse(text);
        if (result instanceof JudgmentParser.Parsed parsed) {
            return new Rating.Value(parsed.judgment().score());
        }
        return new Rating.Unusable(((JudgmentParser.Failed) result).detail());
    }

    private Rating score(String text) {
        Double value = number(text);
        if (value == null) {
            return new Rating.Unusable("not a number: '" + text + "'");
        }
        if (!scale.contains(value)) {
            return new Rating.Unusable("score " + text + " is off the scale " + scale);
        }
        return new Rating.Value(value);
    }

    private static Rating label(String text) {
        switch (text.toUpperCase(Locale.ROOT)) {
            case "A":
                return new Rating.Value(1);
            case "B":
                return new Rating.Value(2);
            case "C":
            case "TIE":
                return new Rating.Value(0);
            default:
                break;
        }
        Double value = number(text);
        if (value == null) {
            return new Rating.Unusable("not a pairwise label: '" + text + "'");
        }
        if (value != 0 && value != 1 && value != 2) {
            return new Rating.Unusable("label " + text + " is not 1, 2 or 0 (tie)");
        }
        return new Rating.Value(value);
    }

    /** A plain decimal number, or {@code null}: {@link RatingFormat#number}. */
    static Double number(String text) {
        return RatingFormat.number(text);
    }
}
