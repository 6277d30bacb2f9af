package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.stage.judge.JudgmentParser;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a prediction into a {@link Rating}: either a ready value ({@code pred}) or a judge's raw output
 * ({@code pred_text}) read with one of three formats.
 *
 * <ul>
 *   <li>{@code themis}: the project's {@link JudgmentParser}, which takes the score after "overall rating of this
 *       response is", so a bracket echoed from the prompt is not read as the verdict. Pointwise only: the Themis
 *       format scores one response.
 *   <li>{@code last}: the last {@code [[x]]} in the text. Judges state the verdict at the end (MT-Bench's
 *       {@code [[rating]]} and {@code [[A]]}), and anything earlier may be an echoed example.
 *   <li>{@code regex:PATTERN}: a Java regex with exactly one capture group; the last match wins, for the same
 *       reason.
 * </ul>
 *
 * <p>Pointwise values must be numbers on the scale. Pairwise values are labels: {@code 1}/{@code A} (first response
 * better), {@code 2}/{@code B} (second), {@code 0}/{@code C}/{@code tie}. Anything else is {@link Rating.Unusable}
 * with its reason; the parser never supplies a default.
 */
public final class RatingParser {
  /** Values accepted for {@code --rating-format}. */
  public static final String FORMATS = "themis, last or regex:PATTERN";

  private static final Pattern LAST_BRACKET = Pattern.compile("\\[\\[\\s*([^\\[\\]]*?)\\s*]]");

  private final String format;
  private final EvalMode mode;
  private final Scale scale;
  /** The pattern whose group 1 is the verdict; {@code null} for the Themis format. */
  private final Pattern pattern;
  private final JudgmentParser themisParser;

  private RatingParser(String format, EvalMode mode, Scale scale, Pattern pattern) {
    this.format = format;
    this.mode = mode;
    this.scale = scale;
    this.pattern = pattern;
    this.themisParser = new JudgmentParser(scale.min(), scale.max());
  }

  /** Checks {@code --rating-format} now, so a bad regex fails before any file is read. */
  public static RatingParser of(String format, EvalMode mode, Scale scale) {
    if (format.equals("themis")) {
      return new RatingParser(format, mode, scale, null);
    }
    if (format.equals("last")) {
      return new RatingParser(format, mode, scale, LAST_BRACKET);
    }
    if (format.startsWith("regex:")) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(format.substring("regex:".length()));
      } catch (PatternSyntaxException e) {
        throw ConfigException.invalid("--rating-format", format,
            "regex:PATTERN with a valid Java regex; " + e.getDescription() + " at index " + e.getIndex());
      }
      int groups = pattern.matcher("").groupCount();
      ConfigException.check(groups == 1, "--rating-format", format,
          "a regex with exactly one capture group; it has " + groups);
      return new RatingParser(format, mode, scale, pattern);
    }
    throw ConfigException.invalid("--rating-format", format, FORMATS);
  }

  public String format() {
    return format;
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
    if (pattern == null) {
      return themis(text);
    }
    Matcher m = pattern.matcher(text);
    String captured = null;
    boolean found = false;
    while (m.find()) {
      found = true;
      captured = m.group(1);
    }
    if (!found) {
      return new Rating.Unusable(format.equals("last") ? "no [[x]] in the text" : "the regex does not match the text");
    }
    if (captured == null || captured.isBlank()) {
      return new Rating.Unusable("the last match captured nothing");
    }
    return mode == EvalMode.POINTWISE ? score(captured.strip()) : label(captured.strip());
  }

  private Rating themis(String text) {
    if (mode == EvalMode.PAIRWISE) {
      // Fail the run rather than every row: the flag is wrong, not the judge.
      throw ConfigException.invalid("--rating-format", format,
          "last or regex:PATTERN for pairwise pred_text; the Themis format scores a single response");
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

  /**
   * A plain decimal number, or {@code null}. {@link BigDecimal} rather than {@link Double#parseDouble}, which would
   * also accept "NaN", "Infinity", hex and a trailing "d".
   */
  static Double number(String text) {
    try {
      return new BigDecimal(text.strip()).doubleValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
