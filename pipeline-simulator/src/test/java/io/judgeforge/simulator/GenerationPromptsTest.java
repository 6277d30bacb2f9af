package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The generate-reference.txt and generate-quiz.txt paths, driven through the real templates. */
class GenerationPromptsTest extends SimulatorHttpTest {
    private static final Pattern ITEM = Pattern.compile("(\\d+)\\. (.+)");
    private static final String REFERENCE =
            "The Great Barrier Reef is the world's largest coral reef system, located off the coast of Queensland, "
                    + "Australia. It stretches for over 2,300 kilometres and is composed of roughly 2,900 individual reefs. "
                    + "Rising ocean temperatures have caused repeated coral bleaching events since 1998. The reef was "
                    + "selected as a World Heritage Site in 1981 and supports tourism worth billions of dollars.";
    private static final List<String> SCENARIO_NAMES = List.of(
            "Close QA",
            "Open QA",
            "Math-related QA",
            "Creative writing",
            "Informative and professional writing",
            "Rewriting",
            "Translation",
            "Reading comprehension and extraction",
            "Role-playing",
            "Programming-related");

    @Test
    void referencePromptGivesExactlyNDistinctGroundedInstructionsOfEightToSixtyWords() {
        for (String scenario : SCENARIO_NAMES) {
            for (int count : List.of(1, 5, 12)) {
                List<String> items =
                        numberedItems(client.chat("sim-gpt-4", referencePrompt(scenario, REFERENCE, count)));

                assertEquals(count, items.size(), scenario);
                assertEquals(count, new HashSet<>(items).size(), "distinct items for " + scenario);
                for (String item : items) {
                    int words = item.split("\\s+").length;
                    assertTrue(words >= 8 && words <= 60, scenario + ": " + words + " words: " + item);
                    assertTrue(mentionsReference(item), scenario + " item not grounded in the reference: " + item);
                }
            }
        }
    }

    @Test
    void referenceInstructionsCarryTheirScenarioSoTheClassifierRecoversIt() {
        int total = 0;
        int recovered = 0;
        for (String scenario : SCENARIO_NAMES) {
            String expectedId = ThemisScenario.fromName(scenario).id();
            for (String item : numberedItems(client.chat("sim-gpt-4", referencePrompt(scenario, REFERENCE, 6)))) {
                String answer = client.chat("sim-scorer", PromptTemplates.classify(item, PromptTemplates.SCENARIO_IDS));
                total++;
                if (answer.equals("Scenario: [[" + expectedId + "]]")) {
                    recovered++;
                }
            }
        }
        // 5% classifier noise is simulated on purpose, so not every item can come back.
        assertTrue(recovered >= total * 0.85, recovered + " of " + total + " recovered");
    }

    @Test
    void scenarioSpecificPatternsAreUsed() {
        assertAll("Translation", "translate");
        assertAll("Rewriting", "rewrite|paraphrase|polish|summarize this");
        assertAll("Creative writing", "poem|story|lyrics|slogan");
        assertAll("Role-playing", "act as|pretend|you are a");
        assertAll("Programming-related", "python|program|code|sql");
    }

    @Test
    void unknownScenarioAndEmptyReferenceStillGiveNItems() {
        assertEquals(
                4,
                numberedItems(client.chat("sim-6b", referencePrompt("Haiku about cats", REFERENCE, 4)))
                        .size());
        assertEquals(
                3,
                numberedItems(client.chat("sim-6b", referencePrompt("Close QA", "", 3)))
                        .size());
    }

    @Test
    void quizPromptGivesNDistinctQuestionsNamingTopicAndTask() {
        for (String scenario : SCENARIO_NAMES) {
            List<String> items = numberedItems(client.chat("sim-gpt-4", quizPrompt(scenario, "", 7)));

            assertEquals(7, items.size(), scenario);
            assertEquals(7, new HashSet<>(items).size(), scenario);
            for (String item : items) {
                String lower = item.toLowerCase(Locale.ROOT);
                assertTrue(lower.contains("fractions") || lower.contains("arithmetic"), "topic or subject: " + item);
                assertTrue(lower.contains("compare two quantities"), "task: " + item);
            }
        }
    }

    @Test
    void quizQuestionsFollowTheirScenario() {
        for (String item : numberedItems(client.chat("sim-gpt-4", quizPrompt("Math-related QA", "", 6)))) {
            assertTrue(item.matches(".*\\d.*"), "math question has numbers: " + item);
            assertTrue(item.matches("(?i).*\\b(calculate|solve)\\b.*"), item);
        }
        for (String item : numberedItems(client.chat("sim-gpt-4", quizPrompt("Programming-related", "", 6)))) {
            assertTrue(item.matches("(?i).*(python|code).*"), item);
        }
        for (String item :
                numberedItems(client.chat("sim-gpt-4", quizPrompt("Reading comprehension and extraction", "", 4)))) {
            assertTrue(item.contains("\""), "without material the question brings its own passage: " + item);
        }
    }

    @Test
    void quizWithMaterialAsksAboutTheMaterial() {
        String material = "[Material Begin]\n" + REFERENCE + "\n[Material End]\n";

        for (String scenario :
                List.of("Reading comprehension and extraction", "Math-related QA", "Programming-related")) {
            for (String item : numberedItems(client.chat("sim-gpt-4", quizPrompt(scenario, material, 5)))) {
                assertTrue(item.toLowerCase(Locale.ROOT).contains("material"), scenario + ": " + item);
            }
        }
    }

    private static void assertAll(String scenario, String alternatives) {
        Pattern pattern = Pattern.compile("(?i).*\\b(" + alternatives + ").*");
        for (String item : numberedItems(client.chat("sim-gpt-4", referencePrompt(scenario, REFERENCE, 8)))) {
            assertTrue(pattern.matcher(item).matches(), scenario + ": " + item);
        }
    }

    private static boolean mentionsReference(String item) {
        String lower = item.toLowerCase(Locale.ROOT);
        for (String word : ContentWords.distinct(REFERENCE, 100)) {
            if (word.length() >= 5 && lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static String referencePrompt(String scenario, String reference, int count) {
        return PromptTemplates.fill(
                "generate-reference",
                Map.of(
                        "scenario_name",
                        scenario,
                        "scenario_description",
                        "A scenario of the Themis catalog.",
                        "seed_examples",
                        "1. An example instruction.\n2. Another example instruction.",
                        "reference",
                        reference,
                        "count",
                        String.valueOf(count)));
    }

    private static String quizPrompt(String scenario, String materialBlock, int count) {
        return PromptTemplates.fill(
                "generate-quiz",
                Map.of(
                        "scenario_name", scenario,
                        "scenario_description", "A scenario of the Themis catalog.",
                        "difficulty", "medium",
                        "audience", "middle school students",
                        "subject", "arithmetic",
                        "topic", "fractions",
                        "task", "compare two quantities.",
                        "material_block", materialBlock,
                        "seed_examples", "1. An example question.",
                        "count", String.valueOf(count)));
    }

    /** Items of a "1. ...\n2. ..." list, asserting the numbering runs 1..N and nothing else is there. */
    static List<String> numberedItems(String text) {
        List<String> items = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher matcher = ITEM.matcher(line);
            assertTrue(matcher.matches(), "not a numbered item: '" + line + "' in\n" + text);
            assertEquals(items.size() + 1, Integer.parseInt(matcher.group(1)), text);
            items.add(matcher.group(2));
        }
        return items;
    }
}
