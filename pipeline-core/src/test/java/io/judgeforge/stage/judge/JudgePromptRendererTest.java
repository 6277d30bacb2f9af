package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The reference-guided and pairwise prompts; the exact text of every prompt is pinned by JudgePromptGoldenTest. */
class JudgePromptRendererTest {
    final ScenarioCatalog catalog = Fixtures.catalog();
    final JudgePromptRenderer renderer = new JudgePromptRenderer(catalog, Fixtures.prompts());

    @Test
    void eachModeHasItsOwnTemplateAndTheOldAccessorIsTheSingleOne() {
        PromptLibrary prompts = Fixtures.prompts();
        for (JudgeMode mode : JudgeMode.values()) {
            assertEquals(prompts.get(mode.templateName()), renderer.template(mode));
            assertEquals(mode, JudgeMode.of(mode.code()));
        }
        assertEquals(PromptLibrary.JUDGE_SINGLE, renderer.template().name());
        assertThrows(IllegalArgumentException.class, () -> JudgeMode.of("SINGLE"));
    }

    @Test
    void referencePromptShowsTheReferenceBetweenInstructionAndResponseWithReferenceTiers() {
        String prompt = renderer.referenceGuided("close_qa", "Who wrote Hamlet?", "William Shakespeare.", "Marlowe.");
        assertTrue(
                prompt.contains(
                        "[User Instruction]: Who wrote Hamlet?\n***\n[Reference Answer]: William Shakespeare.\n***\n"
                                + "[Response]: Marlowe.\n***\n[Data End]"),
                prompt);
        for (GradingTier tier : catalog.tiers()) {
            assertTrue(prompt.contains("Score " + tier.score() + ": " + tier.withReference() + "\n"), prompt);
            assertFalse(prompt.contains(tier.description()), "plain tier " + tier.score() + " must not appear");
        }
    }

    @Test
    void referencePromptAsksForExactlyTheSingleAnswerOutputFormat() {
        String single = renderer.single("translation", "Translate it.", "Done.");
        String reference = renderer.referenceGuided("translation", "Translate it.", "Fait.", "Done.");
        String marker = "Use exactly this format:\n";
        assertEquals(single.substring(single.indexOf(marker)), reference.substring(reference.indexOf(marker)));
    }

    @Test
    void tiersWithoutAReferenceWordingFallBackToTheirPlainText() {
        ScenarioCatalog partial = ScenarioCatalog.parse("""
        grading-tiers:
          - {score: 3, description: "Mixed."}
          - {score: 4, description: "Good.", with-reference: "As good as the reference."}
        scenarios:
          - {id: a, name: A, short: A, method: reference, description: d, criteria: [{name: n, description: d}]}
        """, "partial");
        String prompt = new JudgePromptRenderer(partial, Fixtures.prompts()).referenceGuided("a", "i", "r", "x");
        assertTrue(
                prompt.contains(
                        "[Grading Tiers Begin]\nScore 3: Mixed.\nScore 4: As good as the reference.\n[Grading Tiers End]"),
                prompt);
    }

    @Test
    void pairwisePromptShowsBothResponsesInOrderAndTheVerdictFormat() {
        String prompt = renderer.pairwise("role_playing", "Play a pirate.", "Arr, matey!", "Hello.");
        var scenario = catalog.get("role_playing");
        assertTrue(prompt.contains("1. " + scenario.criteria().get(0).name() + ": "), "most important criterion first");
        assertTrue(
                prompt.contains("[User Instruction]: Play a pirate.\n***\n[Response A]: Arr, matey!\n***\n"
                        + "[Response B]: Hello.\n***\n[Data End]"),
                prompt);
        assertTrue(prompt.endsWith("""
        I believe the better response is [[A, B or C]], and the reasons are as follows.
        Strengths of Response A:
        1. <criterion>: <explanation>
        Shortcomings of Response A:
        1. <criterion>: <explanation>
        Strengths of Response B:
        1. <criterion>: <explanation>
        Shortcomings of Response B:
        1. <criterion>: <explanation>
        """), prompt);
        assertTrue(
                prompt.contains("[[A]] means Response A is better, [[B]] means Response B is better and [[C]] means"
                        + " the two responses are tied."),
                prompt);
        assertFalse(prompt.contains("[Grading Tiers Begin]"), "a comparison has no score tiers");
    }
}
