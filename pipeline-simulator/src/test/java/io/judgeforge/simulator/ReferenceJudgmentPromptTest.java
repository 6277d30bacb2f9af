package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.simulator.JudgmentPromptTest.Judgment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge-reference.txt path: the single-answer Themis output, scored relative to the reference answer. */
class ReferenceJudgmentPromptTest extends SimulatorHttpTest {
    private static final List<String> CRITERIA =
            List.of("Factual accuracy", "Answers the question", "Completeness", "Reasoning soundness", "Clarity");
    private static final String INSTRUCTION = PromptTemplates.VACCINE_INSTRUCTION;
    private static final String RICH = PromptTemplates.VACCINE_ANSWER;
    private static final String POOR = "Vaccines help. I am not sure how.";

    @Test
    void referencePromptsGetTheSingleAnswerFormatWithConsistentScores() {
        for (String response : List.of(POOR, RICH, "")) {
            String text = client.chat(
                    "sim-scorer", PromptTemplates.judgeReference("Close QA", CRITERIA, INSTRUCTION, RICH, response));
            Judgment judgment = JudgmentPromptTest.parse(text);

            judgment.strengths().forEach(score -> assertTrue(score >= judgment.overall(), text));
            judgment.shortcomings().forEach(score -> assertTrue(score <= judgment.overall(), text));
            assertTrue(
                    CRITERIA.containsAll(judgment.criteria()), "criteria come from the prompt: " + judgment.criteria());
        }
    }

    @Test
    void aResponseAsGoodAsTheReferenceScoresAboutFourAndAPoorOneFarLess() {
        int equalTotal = 0;
        int poorTotal = 0;
        for (int seed = 0; seed < 10; seed++) {
            equalTotal += judge(RICH, RICH, seed).overall();
            poorTotal += judge(RICH, POOR, seed).overall();
        }
        assertTrue(equalTotal >= 35 && equalTotal <= 45, "as good as the reference: " + equalTotal + " over 10");
        assertTrue(poorTotal <= 20, "far below the reference: " + poorTotal + " over 10");
    }

    @Test
    void theSameResponseScoresHigherAgainstAWeakerReference() {
        String middling =
                "Vaccines show the immune system a harmless part of a virus, so it learns to recognise it and "
                        + "responds faster to the real infection later.";
        int againstRich = 0;
        int againstPoor = 0;
        for (int seed = 0; seed < 10; seed++) {
            againstRich += judge(RICH, middling, seed).overall();
            againstPoor += judge(POOR, middling, seed).overall();
        }
        assertTrue(
                againstPoor - againstRich >= 10,
                "against a poor reference " + againstPoor + ", a rich one " + againstRich);
    }

    @Test
    void shortcomingsNameWhatTheReferenceHasAndTheResponseLacks() {
        int naming = 0;
        for (int seed = 0; seed < 10; seed++) {
            var request = SimulatorClient.chatRequest(
                    "sim-scorer", PromptTemplates.judgeReference("Close QA", CRITERIA, INSTRUCTION, RICH, POOR));
            request.put("seed", seed);
            String text = client.post("/v1/chat/completions", request)
                    .json()
                    .at("/choices/0/message/content")
                    .asText();
            if (text.contains("Compared with the reference answer, it leaves out points such as \"")) {
                naming++;
            }
        }
        assertTrue(naming >= 8, naming + " of 10 judgments name what the reference covers");
    }

    @Test
    void strongModelsScoreCloserToTheReferenceThanWeakOnes() {
        String[] subjects = {
            "glaciers",
            "volcanoes",
            "photosynthesis",
            "inflation",
            "the printing press",
            "black holes",
            "honey bees",
            "plate tectonics",
            "compound interest",
            "the water cycle"
        };
        double strong = 0;
        double weak = 0;
        for (String subject : subjects) {
            String instruction = "Give a detailed overview of " + subject
                    + ", covering history, key facts and common misconceptions.";
            String reference = client.chat("sim-gpt-4", instruction);
            strong += score(instruction, reference, client.chat("sim-gpt-3.5", instruction));
            weak += score(instruction, reference, client.chat("sim-6b", instruction));
        }
        strong /= subjects.length;
        weak /= subjects.length;
        assertTrue(strong >= 3.3 && weak <= 2.2, "sim-gpt-3.5 mean " + strong + " vs sim-6b mean " + weak);
    }

    private static int score(String instruction, String reference, String response) {
        return JudgmentPromptTest.parse(client.chat(
                        "sim-scorer",
                        PromptTemplates.judgeReference("Open QA", CRITERIA, instruction, reference, response)))
                .overall();
    }

    private static Judgment judge(String reference, String response, int seed) {
        var request = SimulatorClient.chatRequest(
                "sim-scorer", PromptTemplates.judgeReference("Close QA", CRITERIA, INSTRUCTION, reference, response));
        request.put("seed", seed);
        return JudgmentPromptTest.parse(client.post("/v1/chat/completions", request)
                .json()
                .at("/choices/0/message/content")
                .asText());
    }
}
