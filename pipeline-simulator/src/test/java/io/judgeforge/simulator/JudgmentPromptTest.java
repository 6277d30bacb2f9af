package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The judge-single.txt path, and that the simulator's judge tells strong models from weak ones. */
class JudgmentPromptTest extends SimulatorHttpTest {
    private static final Pattern OVERALL = Pattern.compile(
            "I believe the overall rating of this response is \\[\\[([1-5])]], and the reasons are as follows\\.");
    private static final Pattern POINT = Pattern.compile("(\\d+)\\. ([^:]+): (.+) \\[\\[([1-5])]]");
    private static final List<String> CRITERIA =
            List.of("Factual accuracy", "Answers the question", "Completeness", "Reasoning soundness", "Clarity");

    /** A parsed judgment; the parser itself asserts the exact Themis layout. */
    record Judgment(int overall, List<Integer> strengths, List<Integer> shortcomings, List<String> criteria) {}

    static Judgment parse(String text) {
        String[] lines = text.split("\n");
        Matcher overall = OVERALL.matcher(lines[0]);
        assertTrue(overall.matches(), "first line: " + lines[0]);
        assertEquals("Strengths of the current response:", lines[1]);
        List<Integer> strengths = new ArrayList<>();
        List<Integer> shortcomings = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        List<Integer> current = strengths;
        for (int i = 2; i < lines.length; i++) {
            if (lines[i].equals("Shortcomings of the current response:")) {
                assertTrue(current == strengths, "one shortcomings header");
                current = shortcomings;
                continue;
            }
            Matcher point = POINT.matcher(lines[i]);
            assertTrue(point.matches(), "point line: " + lines[i]);
            assertEquals(current.size() + 1, Integer.parseInt(point.group(1)));
            criteria.add(point.group(2));
            current.add(Integer.parseInt(point.group(4)));
        }
        return new Judgment(Integer.parseInt(overall.group(1)), strengths, shortcomings, criteria);
    }

    @Test
    void judgmentHasTheThemisFormatWithConsistentScores() {
        String[] responses = {
            "Paris.",
            "The capital of France is Paris, which has been the seat of government for centuries.",
            "France's capital is Paris.\n\n1. It is the largest city.\n2. It hosts the government.\n3. It lies on the Seine.",
            ""
        };
        for (String response : responses) {
            String text = client.chat(
                    "sim-scorer",
                    PromptTemplates.judge("Close QA", CRITERIA, "What is the capital city of France?", response));
            Judgment judgment = parse(text);

            assertTrue(judgment.strengths().size() >= 2 && judgment.strengths().size() <= 3, text);
            assertTrue(
                    judgment.shortcomings().size() >= 1
                            && judgment.shortcomings().size() <= 3,
                    text);
            judgment.strengths().forEach(score -> assertTrue(score >= judgment.overall(), text));
            judgment.shortcomings().forEach(score -> assertTrue(score <= judgment.overall(), text));
            assertTrue(
                    CRITERIA.containsAll(judgment.criteria()), "criteria come from the prompt: " + judgment.criteria());
        }
    }

    @Test
    void relevantDetailedStructuredResponsesScoreHigherThanEmptyOnes() {
        String instruction = PromptTemplates.VACCINE_INSTRUCTION;
        String good = PromptTemplates.VACCINE_ANSWER;
        int goodTotal = 0;
        int badTotal = 0;
        for (int i = 0; i < 10; i++) {
            // A different request seed each round samples a different judge noise draw.
            goodTotal += judgeWithSeed(instruction, good, i).overall();
            badTotal += judgeWithSeed(instruction, "I am not sure.", i).overall();
        }
        assertTrue(goodTotal >= 40 && badTotal <= 20, "good " + goodTotal + ", bad " + badTotal);
    }

    @Test
    void strongModelsScoreHigherOnAverageThanWeakOnes() {
        List<String> instructions = PromptTemplates.openQuestions();
        double strong = 0;
        double weak = 0;
        for (String instruction : instructions) {
            strong += judgedScore(instruction, client.chat("sim-gpt-4", instruction));
            weak += judgedScore(instruction, client.chat("sim-6b", instruction));
        }
        strong /= instructions.size();
        weak /= instructions.size();
        assertEquals(40, instructions.size());
        assertTrue(strong - weak >= 1.0, "sim-gpt-4 mean " + strong + " vs sim-6b mean " + weak);
    }

    private static int judgedScore(String instruction, String response) {
        return parse(client.chat("sim-scorer", PromptTemplates.judge("Open QA", CRITERIA, instruction, response)))
                .overall();
    }

    private static Judgment judgeWithSeed(String instruction, String response, int seed) {
        var request = SimulatorClient.chatRequest(
                "sim-scorer", PromptTemplates.judge("Close QA", CRITERIA, instruction, response));
        request.put("seed", seed);
        return parse(client.post("/v1/chat/completions", request)
                .json()
                .at("/choices/0/message/content")
                .asText());
    }
}
