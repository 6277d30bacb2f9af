package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain instructions: the answer's quality follows the requested model's strength. */
class AnswerPromptTest extends SimulatorHttpTest {
    private static final List<String> INSTRUCTIONS = List.of(
            "Explain how glaciers carve valleys and deposit moraines during an ice age.",
            "Describe the main causes of inflation and how central banks respond with interest rates.",
            "Summarise the life cycle of a butterfly from caterpillar to adult insect.",
            "Why do leaves change colour in autumn, and which pigments are involved?",
            "Compare renewable wind energy with solar energy for a small island community.",
            "Explain why the Roman aqueducts were important for city growth and public health.",
            "How do honey bees communicate the location of flowers to the rest of the hive?",
            "Describe how the printing press changed education and religion in Europe.",
            "What makes coral reefs vulnerable to warming oceans and acidification?",
            "Explain how vaccines prepare the immune system against future infections.");

    @Test
    void strongModelsWriteLongerAnswersThatTakeUpMoreOfTheInstruction() {
        double strongWords = 0;
        double weakWords = 0;
        double strongCoverage = 0;
        double weakCoverage = 0;
        int strongLists = 0;
        for (String instruction : INSTRUCTIONS) {
            String strong = client.chat("sim-gpt-4", instruction);
            String weak = client.chat("sim-6b", instruction);
            strongWords += SalientText.wordCount(strong);
            weakWords += SalientText.wordCount(weak);
            strongCoverage += ResponseQuality.assess(instruction, strong).coverage();
            weakCoverage += ResponseQuality.assess(instruction, weak).coverage();
            if (strong.contains("\n1. ")) {
                strongLists++;
            }
        }
        assertTrue(strongWords > 2.5 * weakWords, "words: strong " + strongWords + ", weak " + weakWords);
        assertTrue(strongCoverage / INSTRUCTIONS.size() >= 0.75, "strong coverage " + strongCoverage);
        assertTrue(weakCoverage / INSTRUCTIONS.size() <= 0.45, "weak coverage " + weakCoverage);
        assertTrue(strongLists >= 8, "strong answers use numbered lists: " + strongLists);
    }

    @Test
    void weakAnswersAreOneOrTwoShortSentencesMostOfTheTime() {
        int short_ = 0;
        for (String instruction : INSTRUCTIONS) {
            String weak = client.chat("sim-6b", instruction);
            assertFalse(weak.isBlank());
            if (weak.split("(?<=[.!?])\\s+").length <= 2) {
                short_++;
            }
        }
        assertTrue(short_ >= 6, short_ + " short answers of " + INSTRUCTIONS.size());
    }

    @Test
    void answersNeverStateTheQualityAsANumber() {
        for (String model : List.of("sim-6b", "sim-34b", "sim-gpt-4")) {
            for (String instruction : INSTRUCTIONS) {
                String answer = client.chat(model, instruction);
                // List markers are the only digits an answer to a digit-free instruction may contain.
                String withoutListMarkers = answer.replaceAll("(?m)^\\d+\\. ", "");
                assertFalse(withoutListMarkers.matches("(?s).*\\d.*"), model + ": " + answer);
            }
        }
    }

    @Test
    void instructionWithoutContentWordsStillGetsAnAnswer() {
        String answer = client.chat("sim-gpt-4", "Hi!");

        assertTrue(answer.length() > 20, answer);
        assertEquals(answer, client.chat("sim-gpt-4", "Hi!"));
    }
}
