package io.judgeforge.stage.judge;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judgment in the Themis format. The overall score is the {@code [[n]]} right after the
 * overall-rating phrase, never merely the first bracket in the text: a judge that echoes the
 * prompt's own {@code [[a score from 1 to 5]]} or an example must not be read as scoring it
 * (prometheus-eval issue 58, where every score came out as 5). A missing, conflicting or
 * off-scale overall score is a parse failure; the parser never supplies a default.
 */
public final class JudgmentParser implements Serializable {
  private static final Pattern OVERALL = Pattern.compile(
      "overall rating (?:of|for) (?:this|the) response is\\s*\\[\\[\\s*([^\\]]*?)\\s*]]", Pattern.CASE_INSENSITIVE);
  private static final Pattern STRENGTHS = Pattern.compile("^\\s*(?:strengths|advantages) of the current response\\s*:?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern SHORTCOMINGS = Pattern.compile(
      "^\\s*(?:shortcomings|disadvantages|weaknesses) of the current response\\s*:?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
  private static final Pattern POINT = Pattern.compile("^\\s*\\d{1,2}[.)]\\s+(.*?)\\s*\\[\\[\\s*(\\d+)\\s*]]\\s*\\.?\\s*$", Pattern.MULTILINE);

  private final int minScore;
  private final int maxScore;

  public JudgmentParser(int minScore, int maxScore) {
    this.minScore = minScore;
    this.maxScore = maxScore;
  }

  /** The parse, or a failure whose message says what is wrong. */
  public sealed interface Result permits Parsed, Failed {}

  public record Parsed(ParsedJudgment judgment) implements Result {}

  public record Failed(String detail) implements Result {}

  public Result parse(String output) {
    Matcher m = OVERALL.matcher(output);
    Integer overall = null;
    String placeholder = null;
    while (m.find()) {
      String raw = m.group(1);
      if (!raw.matches("\\d+")) {
        // An echo of the template's own "[[a score from 1 to 5]]" is not a verdict; a real one may follow.
        placeholder = raw;
        continue;
      }
      int value = Integer.parseInt(raw);
      if (overall != null && overall != value) {
        return new Failed("two conflicting overall ratings: [[" + overall + "]] and [[" + value + "]]");
      }
      overall = value;
    }
    if (overall == null) {
      return new Failed(placeholder == null
          ? "no overall rating '[[n]]' after 'overall rating of this response is'"
          : "overall rating is not an integer: [[" + placeholder + "]]");
    }
    if (overall < minScore || overall > maxScore) {
      return new Failed("overall rating [[" + overall + "]] is off the scale " + minScore + "-" + maxScore);
    }
    List<String> strengths = new ArrayList<>();
    List<String> shortcomings = new ArrayList<>();
    List<Integer> pointScores = new ArrayList<>();
    Matcher s = STRENGTHS.matcher(output);
    Matcher w = SHORTCOMINGS.matcher(output);
    int strengthsAt = s.find() ? s.end() : -1;
    int shortcomingsAt = w.find() ? w.end() : -1;
    if (strengthsAt >= 0) {
      int end = shortcomingsAt > strengthsAt ? w.start() : output.length();
      String failure = points(output.substring(strengthsAt, end), strengths, pointScores);
      if (failure != null) {
        return new Failed(failure);
      }
    }
    if (shortcomingsAt >= 0) {
      int end = strengthsAt > shortcomingsAt ? s.start() : output.length();
      String failure = points(output.substring(shortcomingsAt, end), shortcomings, pointScores);
      if (failure != null) {
        return new Failed(failure);
      }
    }
    return new Parsed(new ParsedJudgment(overall, pointScores, strengths, shortcomings));
  }

  private String points(String section, List<String> texts, List<Integer> scores) {
    Matcher p = POINT.matcher(section);
    while (p.find()) {
      int score = Integer.parseInt(p.group(2));
      if (score < minScore || score > maxScore) {
        return "point rating [[" + score + "]] is off the scale " + minScore + "-" + maxScore;
      }
      texts.add(p.group(1));
      scores.add(score);
    }
    return null;
  }
}
