package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.RatingFormat;
import java.util.Locale;

/**
 * Turns a prediction into a {@link Rating}: either a ready value ({@code pred}) or a judge's raw output
 * ({@code pred_text}) read with a {@link RatingFormat}, the same definition the judge stage uses.
 *
 * <ul>
 *   <li>{@code themis}: the project's {@link JudgmentParser}, which takes the score after "overall rating of this
 *       response is", so a bracket echoed from the prompt is not read as the verdict. Pointwise only: the Themis
 *       format scores one response.
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
 */
public final class RatingParser {
  /** Values accepted for {@code --rating-format}. */
  public static final String FORMATS = RatingFormat.NAMES;

  private static final String FLAG = "--rating-format";

  private final RatingFormat format;
  private final EvalMode mode;
  private final Scale scale;
  private final JudgmentParser themisParser;

  private RatingParser(RatingFormat format, EvalMode mode, Scale scale) {
    this.format = format;
    this.mode = mode;
    this.scale = scale;
    this.themisParser = new JudgmentParser(scale.min(), scale.max());
  }

  /** Checks {@code --rating-format} now, so a bad regex fails before any file is read. */
  public static RatingParser of(String format, EvalMode mode, Scale scale) {
    return new RatingParser(RatingFormat.of(FLAG, format), mode, scale);
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

  private Rating themis(String text) {
    if (mode == EvalMode.PAIRWISE) {
      // Fail the run rather than every row: the flag is wrong, not the judge.
      throw ConfigException.invalid(FLAG, format.spec(),
          "result, last or regex:PATTERN for pairwise pred_text; the Themis format scores a single response");
    }
    JudgmentParser.Result result = themisParser.parse(text);
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
