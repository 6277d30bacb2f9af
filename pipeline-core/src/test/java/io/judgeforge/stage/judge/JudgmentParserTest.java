package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgmentParserTest {
  final JudgmentParser parser = new JudgmentParser(1, 5);

  static final String GOOD = """
      I believe the overall rating of this response is [[3]], and the reasons are as follows.
      Strengths of the current response:
      1. Relevance: It answers the question asked. [[4]]
      2. Clarity: Short and readable. [[4]]
      Shortcomings of the current response:
      1. Completeness: It leaves out the second part. [[2]]
      """;

  ParsedJudgment parsed(String text) {
    JudgmentParser.Result r = parser.parse(text);
    assertInstanceOf(JudgmentParser.Parsed.class, r, () -> r.toString());
    return ((JudgmentParser.Parsed) r).judgment();
  }

  String failure(String text) {
    JudgmentParser.Result r = parser.parse(text);
    assertInstanceOf(JudgmentParser.Failed.class, r, () -> r.toString());
    return ((JudgmentParser.Failed) r).detail();
  }

  @Test
  void readsOverallPointsStrengthsAndShortcomings() {
    ParsedJudgment j = parsed(GOOD);
    assertEquals(3, j.score());
    assertEquals(List.of(4, 4, 2), j.pointScores());
    assertEquals(List.of("Relevance: It answers the question asked.", "Clarity: Short and readable."), j.strengths());
    assertEquals(List.of("Completeness: It leaves out the second part."), j.shortcomings());
  }

  @Test
  void aBracketEchoedFromThePromptIsNotTheScore() {
    // prometheus-eval #58: the first [[n]] in the text was a rubric example, not the verdict.
    String echoed = "Score 5 means excellent, written as [[5]].\n" + GOOD;
    assertEquals(3, parsed(echoed).score());
  }

  @Test
  void missingConflictingOrOffScaleScoresFail() {
    assertTrue(failure("The response is fine. [[4]]").startsWith("no overall rating"));
    assertTrue(failure(GOOD + "\nI believe the overall rating of this response is [[4]].").startsWith("two conflicting"));
    assertTrue(failure(GOOD.replace("[[3]]", "[[7]]")).contains("off the scale"));
    assertTrue(failure(GOOD.replace("[[3]]", "[[a score from 1 to 5]]")).contains("not an integer"));
    assertTrue(failure(GOOD.replace("[[2]]", "[[0]]")).contains("point rating [[0]]"));
  }

  @Test
  void anEchoedFormatLineBeforeTheVerdictIsSkipped() {
    String echoed = "Use exactly this format:\nI believe the overall rating of this response is [[a score from 1 to 5]], and"
        + " the reasons are as follows.\n\n" + GOOD;
    assertEquals(3, parsed(echoed).score());
  }

  @Test
  void repeatingTheSameOverallScoreIsFine() {
    assertEquals(3, parsed(GOOD + "\nSo the overall rating for this response is [[3]].").score());
  }
}
