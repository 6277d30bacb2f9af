package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prompt kind detection and the parsing of the shipped templates' parts. */
class PromptParsingTest {

    @Test
    void eachShippedTemplateIsDetectedAsItsKind() {
        assertEquals(
                PromptKind.REFERENCE_QUESTIONS,
                PromptKindDetector.detect(GenerationPromptsTest.referencePrompt("Close QA", "Some text.", 3)));
        assertEquals(
                PromptKind.QUIZ_QUESTIONS,
                PromptKindDetector.detect(PromptTemplates.fill(
                        "generate-quiz",
                        Map.of(
                                "scenario_name",
                                "Math-related QA",
                                "scenario_description",
                                "d",
                                "difficulty",
                                "easy",
                                "audience",
                                "kids",
                                "subject",
                                "maths",
                                "topic",
                                "sums",
                                "task",
                                "add",
                                "material_block",
                                "",
                                "seed_examples",
                                "1. x",
                                "count",
                                "2"))));
        assertEquals(
                PromptKind.CLASSIFICATION,
                PromptKindDetector.detect(PromptTemplates.classify("Name a tree.", PromptTemplates.SCENARIO_IDS)));
        assertEquals(
                PromptKind.JUDGMENT,
                PromptKindDetector.detect(
                        PromptTemplates.judge("Close QA", List.of("Clarity"), "Name a tree.", "Oak.")));
        assertEquals(
                PromptKind.REFERENCE_JUDGMENT,
                PromptKindDetector.detect(PromptTemplates.judgeReference(
                        "Close QA", List.of("Clarity"), "Name a tree.", "Oak.", "Elm.")));
        assertEquals(
                PromptKind.PAIRWISE_JUDGMENT,
                PromptKindDetector.detect(
                        PromptTemplates.judgePairwise("Close QA", List.of("Clarity"), "Name a tree.", "Oak.", "Elm.")));
        assertEquals(PromptKind.ANSWER, PromptKindDetector.detect("Name a tree."));
    }

    @Test
    void aResponseQuotingAnotherJudgeTemplatesLabelsKeepsItsPromptsKind() {
        String quoting = "[Reference Answer]: Oak.\n[Response A]: Elm.\n[Response B]: Ash.";
        assertEquals(
                PromptKind.JUDGMENT,
                PromptKindDetector.detect(
                        PromptTemplates.judge("Close QA", List.of("Clarity"), "Name a tree.", quoting)));
        assertEquals(
                PromptKind.REFERENCE_JUDGMENT,
                PromptKindDetector.detect(PromptTemplates.judgeReference(
                        "Close QA", List.of("Clarity"), "Name a tree.", "Oak.", quoting)));
        assertEquals(
                PromptKind.PAIRWISE_JUDGMENT,
                PromptKindDetector.detect(PromptTemplates.judgePairwise(
                        "Close QA", List.of("Clarity"), "Name a tree.", "[Response]: Oak.", quoting)));
    }

    @Test
    void theCountIsTheTemplatesLastWriteExactlyNotOneInTheExamples() {
        String prompt = PromptTemplates.fill(
                "generate-reference",
                Map.of(
                        "scenario_name", "Creative writing",
                        "scenario_description", "d",
                        "seed_examples", "1. Write exactly 100 words about the sea.",
                        "reference", "Some reference text about the sea and its tides.",
                        "count", "4"));

        assertEquals(4, PromptSections.requestedCount(prompt, 5));
        assertEquals("Creative writing", PromptSections.scenarioName(prompt).orElseThrow());
        assertEquals(5, PromptSections.requestedCount("no count here", 5));
        assertEquals(PromptSections.MAX_COUNT, PromptSections.requestedCount("Write exactly 99999999999 things", 5));
    }

    @Test
    void judgeFieldsAndCriteriaAreReadFromTheTemplate() {
        String prompt = PromptTemplates.judge(
                "Close QA",
                List.of("Factual accuracy", "Answers the question", "Honest uncertainty"),
                "Who wrote Hamlet?\nAnswer briefly.",
                "Shakespeare wrote it.\n\nAround 1600.");

        assertEquals(
                "Who wrote Hamlet?\nAnswer briefly.",
                PromptSections.fieldBeforeSeparator(prompt, "[User Instruction]:")
                        .orElseThrow());
        assertEquals(
                "Shakespeare wrote it.\n\nAround 1600.",
                PromptSections.fieldBeforeSeparator(prompt, "[Response]:").orElseThrow());
        assertEquals(
                List.of("Factual accuracy", "Answers the question", "Honest uncertainty"),
                JudgmentWriter.criteria(prompt));
    }

    @Test
    void referenceAndPairwiseFieldsAreReadFromTheirTemplates() {
        String reference = PromptTemplates.judgeReference(
                "Close QA", List.of("Factual accuracy"), "Who wrote Hamlet?", "Shakespeare.\n\nc. 1600.", "Marlowe.");
        assertEquals(
                "Shakespeare.\n\nc. 1600.",
                PromptSections.fieldBeforeSeparator(reference, "[Reference Answer]:")
                        .orElseThrow());
        assertEquals(
                "Marlowe.",
                PromptSections.fieldBeforeSeparator(reference, "[Response]:").orElseThrow());

        String pairwise = PromptTemplates.judgePairwise(
                "Close QA", List.of("Factual accuracy", "Clarity"), "Who wrote Hamlet?", "One.", "Two.");
        assertEquals("Who wrote Hamlet?", JudgmentWriter.instruction(pairwise));
        assertEquals(
                "One.",
                PromptSections.fieldBeforeSeparator(pairwise, "[Response A]:").orElseThrow());
        assertEquals(
                "Two.",
                PromptSections.fieldBeforeSeparator(pairwise, "[Response B]:").orElseThrow());
        assertEquals(List.of("Factual accuracy", "Clarity"), JudgmentWriter.criteria(pairwise));
    }

    @Test
    void classifierReadsTheOfferedIds() {
        String prompt = PromptTemplates.classify("Name a tree.", List.of("close_qa", "open_qa", "math_qa"));

        assertEquals(List.of("close_qa", "open_qa", "math_qa"), ScenarioLabelWriter.offeredIds(prompt));
    }

    @Test
    void salientTermsPreferNamesAndPhrasesOverSentenceStarts() {
        SalientText salient = SalientText.of(
                "Rising ocean temperatures threaten the Great Barrier Reef. The reef lies off Queensland, Australia.");

        assertEquals("Great Barrier Reef", salient.terms().get(0));
        assertTrue(salient.terms().contains("rising ocean temperatures"), salient.terms()::toString);
        assertFalse(salient.terms().contains("Rising"), salient.terms()::toString);
        assertEquals(2, salient.quotes().size());
    }
}
