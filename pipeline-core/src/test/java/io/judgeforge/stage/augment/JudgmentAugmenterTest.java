package io.judgeforge.stage.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.RejectReason;
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
    static final ScenarioCatalog CATALOG = Fixtures.catalog();
    static final JudgePromptRenderer RENDERER = new JudgePromptRenderer(CATALOG, Fixtures.prompts());
    static final List<Criterion> CRITERIA = CATALOG.get("close_qa").criteria();
    static final List<String> TIERS =
            CATALOG.tiers().stream().map(GradingTier::description).toList();
    final JudgmentAugmenter augmenter = new JudgmentAugmenter(CATALOG, 7, 1, 5);

    /** A judgment whose points name the scenario's first three criteria. */
    static Judgment judgment(String prompt) {
        String target = "I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
                + "Strengths of the current response:\n"
                + "1. " + CRITERIA.get(0).name() + ": Names the right author. [[5]]\n"
                + "2. " + CRITERIA.get(1).name() + ": Answers directly. [[4]]\n"
                + "Shortcomings of the current response:\n"
                + "1. " + CRITERIA.get(2).name() + ": Gives no date. [[3]]";
        return Judgment.builder()
                .id("jdg-i1~m")
                .responseId("i1~m")
                .instructionId("i1")
                .scenario("close_qa")
                .mode("single")
                .answerModel("m")
                .prompt(prompt)
                .output(target)
                .target(target)
                .score(4)
                .pointScores(List.of(5, 4, 3))
                .templateVersion("judge-single@0123456789ab")
                .teacherModel("t")
                .requestHash("h")
                .build();
    }

    static Judgment judgment() {
        return judgment(RENDERER.single("close_qa", "Who wrote Hamlet?", "Shakespeare."));
    }

    static ParsedJudgment parse(String target, int max) {
        return ((JudgmentParser.Parsed) new JudgmentParser(1, max).parse(target)).judgment();
    }

    static String criteriaBlock(List<Criterion> criteria) {
        return "[Criteria Begin]\n" + JudgePromptRenderer.criteriaBlock(criteria) + "\n[Criteria End]";
    }

    @Test
    void ratingScalesMapByTheDocumentedRules() {
        assertEquals(
                List.of(1, 1, 1, 2, 2),
                List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-2")::map).toList());
        assertEquals(
                List.of(1, 1, 2, 3, 3),
                List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-3")::map).toList());
        assertEquals(
                List.of(2, 4, 6, 8, 10),
                List.of(1, 2, 3, 4, 5).stream().map(RatingScale.of("1-10")::map).toList());
    }

    @Test
    void aRescaledRecordHasMergedTiersAndEveryScoreMapped() {
        Judgment r = ((Made) augmenter.rescaled(judgment(), 0.7, RatingScale.of("1-3"))).judgment();
        assertEquals(3, r.score());
        assertEquals(List.of(3, 3, 2), r.pointScores());
        assertTrue(
                r.prompt()
                        .contains("[Grading Tiers Begin]\nScore 1: " + TIERS.get(0) + " / " + TIERS.get(1)
                                + "\nScore 2: " + TIERS.get(2) + "\nScore 3: " + TIERS.get(3) + " / " + TIERS.get(4)
                                + "\n[Grading Tiers End]"),
                r.prompt());
        assertTrue(r.prompt().contains("a score from 1 to 3"), r.prompt());
        assertFalse(r.prompt().contains("1 to 5"));
        ParsedJudgment p = parse(r.target(), 3);
        assertEquals(3.0, p.score());
        assertEquals(List.of(3, 3, 2), p.pointScores());
        assertEquals("jdg-i1~m~rescale-1-3", r.id());
        assertEquals("rescale-1-3", r.augmentation());
    }

    @Test
    void aReferenceGuidedRecordIsRescaledFromTheTiersInTheirWithReferenceWording() {
        Judgment source = judgment(RENDERER.referenceGuided(
                        "close_qa", "Who wrote Hamlet?", "William Shakespeare.", "Shakespeare."))
                .toBuilder()
                .mode("reference")
                .build();
        Judgment r = ((Made) augmenter.rescaled(source, 0.7, RatingScale.of("1-10"))).judgment();
        List<String> withReference = CATALOG.tiers().stream()
                .map(t -> JudgePromptRenderer.tierText(t, true))
                .toList();
        assertTrue(
                r.prompt()
                        .contains("Score 2: " + withReference.get(0) + "\nScore 3: between the tiers above and below\n"
                                + "Score 4: " + withReference.get(1)),
                r.prompt());
        assertFalse(r.prompt().contains(TIERS.get(1)), "the plain wording of tier 2 is not shown");
    }

    /** Regression 0.5 + 0.9 x mean: the points left decide the new overall score, which parses back. */
    @Test
    void aDownsampledRecordKeepsOnlyPointsAboutKeptCriteriaAndRepredictsTheScore() {
        Judgment r = ((Made) augmenter.downsampled(judgment(), 0.7, new Regression(0.5, 0.9, 0, 0))).judgment();
        // Three criteria are evaluated; one is kept, two leave the prompt with their points.
        List<Criterion> evaluated = CRITERIA.subList(0, 3);
        List<Criterion> dropped = evaluated.stream()
                .filter(c -> !r.target().contains(c.name() + ":"))
                .toList();
        assertEquals(2, dropped.size(), r.target());
        List<Criterion> kept =
                CRITERIA.stream().filter(c -> !dropped.contains(c)).toList();
        assertTrue(r.prompt().contains(criteriaBlock(kept)), r.prompt());
        assertEquals(1, r.pointScores().size());
        ParsedJudgment p = parse(r.target(), 5);
        assertEquals(r.pointScores(), p.pointScores());
        int expected = (int) Math.round(0.5
                + 0.9
                        * r.pointScores().stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElseThrow());
        assertEquals(expected, r.score());
        assertEquals((double) expected, p.score());
    }

    @Test
    void aParaphrasedRecordRenamesTheCriterionInThePromptAndInThePoints() {
        String original = CRITERIA.get(0).name();
        Judgment r = ((Made) augmenter.paraphrased(
                        judgment(),
                        0.7,
                        Map.of(
                                original.toLowerCase(),
                                List.of(new Paraphrase("Getting the facts right", "States only what is true.")))))
                .judgment();
        assertTrue(
                r.prompt()
                        .contains("[Criteria Begin]\n1. Getting the facts right: States only what is true.\n2. "
                                + CRITERIA.get(1).name() + ": "),
                r.prompt());
        assertTrue(r.target().contains("1. Getting the facts right: Names the right author. [[5]]"), r.target());
        assertFalse(r.target().contains(original + ":"));
        assertEquals(4, r.score());
    }

    @Test
    void aDerivedRecordCarriesItsSourceAndTheSourcesIfd() {
        Judgment r = ((Made) augmenter.rescaled(judgment(), 0.7, RatingScale.of("1-2"))).judgment();
        assertEquals("jdg-i1~m", r.sourceId());
        assertEquals(0.7, r.sourceIfd());
        assertEquals(
                judgment().toBuilder()
                        .id(r.id())
                        .prompt(r.prompt())
                        .target(r.target())
                        .score(r.score())
                        .pointScores(r.pointScores())
                        .augmentation("rescale-1-2")
                        .sourceId("jdg-i1~m")
                        .sourceIfd(0.7)
                        .build(),
                r,
                "everything else is the source's");
    }

    @Test
    void aPromptThatDoesNotShowTheCatalogsCriteriaIsAnError() {
        Judgment edited = judgment().toBuilder()
                .prompt(judgment().prompt().replace(CRITERIA.get(1).description(), "Other."))
                .build();
        assertThrows(
                IllegalArgumentException.class, () -> augmenter.downsampled(edited, 0.7, new Regression(0, 1, 0, 0)));
    }

    @Test
    void anOperationThatCannotApplyIsSkippedWithAReason() {
        assertEquals(
                RejectReason.NO_PARAPHRASE,
                ((JudgmentAugmenter.Skipped) augmenter.paraphrased(judgment(), 0.7, Map.of())).reason());
    }
}
