package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The classify.txt path. */
class ClassificationPromptTest extends SimulatorHttpTest {
    private static final Pattern ANSWER = Pattern.compile("Scenario: \\[\\[([a-z_]+)]]");
    /** Two clear instructions per scenario; expected ids follow the keyword priorities of the brief. */
    private static final Map<String, String> LABELLED = new LinkedHashMap<>();

    static {
        LABELLED.put("Translate the following sentence into German: \"The train leaves at noon.\"", "translation");
        LABELLED.put("Please translate this menu into Spanish for our guests.", "translation");
        LABELLED.put("Rewrite this paragraph so that it sounds more polite.", "rewriting");
        LABELLED.put("Paraphrase the sentence below in plain English: \"Utilise the apparatus.\"", "rewriting");
        LABELLED.put("Write a Python function that reverses a linked list.", "programming");
        LABELLED.put("What does this code print, and why does the loop never end?", "programming");
        LABELLED.put("Calculate the area of a circle with a radius of 4 cm.", "math_qa");
        LABELLED.put("How many ways can 5 people sit around a round table?", "math_qa");
        LABELLED.put("Based on the material, who signed the treaty and when?", "reading_comprehension");
        LABELLED.put("Extract all dates mentioned in the article about the flood.", "reading_comprehension");
        LABELLED.put("Act as a medieval blacksmith and greet a customer at your forge.", "role_playing");
        LABELLED.put("Pretend to be a pirate captain and describe your ship.", "role_playing");
        LABELLED.put("Write a short poem about autumn leaves falling in the rain.", "creative_writing");
        LABELLED.put("Write a bedtime story about a brave little turtle.", "creative_writing");
        LABELLED.put("Write a professional email asking my manager for a day off.", "professional_writing");
        LABELLED.put("Draft a cover letter for a junior accountant position.", "professional_writing");
        LABELLED.put("What do you think is the best way to stay motivated while studying?", "open_qa");
        LABELLED.put("Can you give me some advice on choosing a first car?", "open_qa");
        LABELLED.put("Who was the first emperor of Rome?", "close_qa");
        LABELLED.put("When did the Berlin Wall fall?", "close_qa");
    }

    @Test
    void answersHaveTheScenarioFormatAndMostlyTheExpectedId() {
        int correct = 0;
        for (Map.Entry<String, String> entry : LABELLED.entrySet()) {
            String answer =
                    client.chat("sim-scorer", PromptTemplates.classify(entry.getKey(), PromptTemplates.SCENARIO_IDS));
            Matcher matcher = ANSWER.matcher(answer);
            assertTrue(matcher.matches(), "format: " + answer);
            assertTrue(PromptTemplates.SCENARIO_IDS.contains(matcher.group(1)));
            if (matcher.group(1).equals(entry.getValue())) {
                correct++;
            }
        }
        // One noisy answer in twenty is expected; more would mean the heuristic is off.
        assertTrue(correct >= LABELLED.size() - 3, correct + " of " + LABELLED.size());
    }

    @Test
    void theKeywordHeuristicItselfGetsEveryLabelledInstructionRight() {
        for (Map.Entry<String, String> entry : LABELLED.entrySet()) {
            assertEquals(
                    entry.getValue(),
                    ScenarioLabelWriter.choose(entry.getKey(), PromptTemplates.SCENARIO_IDS),
                    entry.getKey());
        }
    }

    @Test
    void onlyIdsOfTheOfferedListAreAnswered() {
        List<String> offered = List.of("open_qa", "creative_writing", "translation");
        Set<String> answered = new HashSet<>();
        for (String instruction : LABELLED.keySet()) {
            Matcher matcher = ANSWER.matcher(client.chat("sim-gpt-4", PromptTemplates.classify(instruction, offered)));
            assertTrue(matcher.matches());
            answered.add(matcher.group(1));
        }
        assertTrue(offered.containsAll(answered), "answered " + answered);
        assertTrue(answered.size() > 1, "a list of three should not always get the same answer");
    }

    @Test
    void noiseSometimesPicksAnotherOfferedId() {
        // Over many paraphrases of one clear translation request, roughly 5% come back wrong.
        int noisy = 0;
        int total = 400;
        for (int i = 0; i < total; i++) {
            String instruction = "Translate sentence number " + i + " into French: \"Good morning.\"";
            String answer =
                    client.chat("sim-scorer", PromptTemplates.classify(instruction, PromptTemplates.SCENARIO_IDS));
            if (!answer.equals("Scenario: [[translation]]")) {
                noisy++;
                assertTrue(ANSWER.matcher(answer).matches(), answer);
            }
        }
        assertTrue(noisy >= 6 && noisy <= 40, noisy + " noisy answers of " + total);
    }
}
