package io.judgeforge.stage.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.stage.augment.JudgmentAugmenter.Made;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.ParsedJudgment;
import io.judgeforge.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgmentAugmenterTest {
  static final JudgePromptRenderer RENDERER = new JudgePromptRenderer(Fixtures.catalog(), Fixtures.prompts());
  static final List<JudgePromptParts.Criterion> CRITERIA =
      JudgePromptParts.criteria(RENDERER.single("close_qa", "Who wrote Hamlet?", "Shakespeare."));
  final JudgmentAugmenter augmenter = new JudgmentAugmenter(7, 1, 5);

  /** A judgment whose points name the scenario's first three criteria. */
  static Judgment judgment() {
    String target = "I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
        + "Strengths of the current response:\n"
        + "1. " + CRITERIA.get(0).name() + ": Names the right author. [[5]]\n"
        + "2. " + CRITERIA.get(1).name() + ": Answers directly. [[4]]\n"
        + "Shortcomings of the current response:\n"
        + "1. " + CRITERIA.get(2).name() + ": Gives no date. [[3]]";
    return new Judgment("jdg-i1~m", "i1~m", "i1", "close_qa", "single", "m", null, null, null, null,
        RENDERER.single("close_qa", "Who wrote Hamlet?", "Shakespeare."), target, target, 4, null, List.of(), List.of(5, 4, 3),
        List.of(), List.of(), null, "judge-single@0123456789ab", "t", "h", null);
  }

  static ParsedJudgment parse(String target, int max) {
    return ((JudgmentParser.Parsed) new JudgmentParser(1, max).parse(target)).judgment();
  }

  @Test
  void ratingScalesMapByTheDocumentedRules() {
    assertEquals(List.of(1, 1, 1, 2, 2), List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-2")::map).toList());
    assertEquals(List.of(1, 1, 2, 3, 3), List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-3")::map).toList());
    assertEquals(List.of(2, 4, 6, 8, 10), List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-10")::map).toList());
  }

  @Test
  void aRescaledRecordHasMergedTiersAndEveryScoreMapped() {
    Judgment r = ((Made) augmenter.rescaled(judgment(), RatingScale.of("1-3"))).judgment();
    assertEquals(3, r.score());
    assertEquals(List.of(3, 3, 2), r.pointScores());
    assertEquals(3, JudgePromptParts.tiers(r.prompt()).size());
    assertTrue(r.prompt().contains("a score from 1 to 3"), r.prompt());
    assertFalse(r.prompt().contains("1 to 5"));
    ParsedJudgment p = parse(r.target(), 3);
    assertEquals(3.0, p.score());
    assertEquals(List.of(3, 3, 2), p.pointScores());
    assertEquals("jdg-i1~m~rescale-1-3", r.id());
    assertEquals("rescale-1-3", r.augmentation());
  }

  /** Regression 0.5 + 0.9 x mean: the points left decide the new overall score, which parses back. */
  @Test
  void aDownsampledRecordKeepsOnlyPointsAboutKeptCriteriaAndRepredictsTheScore() {
    Judgment r = ((Made) augmenter.downsampled(judgment(), new Regression(0.5, 0.9, 0, 0))).judgment();
    List<JudgePromptParts.Criterion> kept = JudgePromptParts.criteria(r.prompt());
    // Three criteria are evaluated; one is kept, two leave the prompt with their points.
    assertEquals(CRITERIA.size() - 2, kept.size());
    assertEquals(1, r.pointScores().size());
    ParsedJudgment p = parse(r.target(), 5);
    assertEquals(r.pointScores(), p.pointScores());
    int expected = (int) Math.round(0.5 + 0.9 * r.pointScores().stream().mapToInt(Integer::intValue).average().orElseThrow());
    assertEquals(expected, r.score());
    assertEquals((double) expected, p.score());
    for (String point : concat(p.strengths(), p.shortcomings())) {
      assertTrue(kept.stream().anyMatch(c -> point.startsWith(c.name() + ":")), point + " is about a kept criterion");
    }
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void aParaphrasedRecordRenamesTheCriterionInThePromptAndInThePoints() {
    String original = CRITERIA.get(0).name();
    Judgment r = ((Made) augmenter.paraphrased(judgment(), Map.of(original.toLowerCase(),
        List.of(new Paraphrase("Getting the facts right", "States only what is true."))))).judgment();
    assertTrue(r.prompt().contains("1. Getting the facts right: States only what is true."), r.prompt());
    assertTrue(r.target().contains("1. Getting the facts right: Names the right author. [[5]]"), r.target());
    assertFalse(r.target().contains(original + ":"));
    assertEquals(4, r.score());
  }

  @Test
  void anOperationThatCannotApplyIsSkippedWithAReason() {
    assertEquals("no_paraphrase", ((JudgmentAugmenter.Skipped) augmenter.paraphrased(judgment(), Map.of())).reason());
  }
}
