package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.QuestionListParser;
import io.judgeforge.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionerExamplesTest {
    static Instruction question(String id, String text, String predicted) {
        return new Instruction(
                        id,
                        "close_qa",
                        "close_qa",
                        null,
                        "reference",
                        text,
                        "gen-close_qa-0003",
                        "ref-007#2",
                        List.of("seed-1"),
                        "generate-reference@0123456789ab",
                        "sim-gpt-4",
                        "h",
                        null)
                .classified(predicted, "close_qa");
    }

    final QuestionerExamples examples = new QuestionerExamples(
            Fixtures.catalog(), Fixtures.prompts(), ClassifierLabels.AGREED, new SplitAssigner(1, 0.1));

    @Test
    void theAnswerListsTheQuestionsInIdOrderAndParsesBackToThem() {
        Instruction second =
                question("gen-close_qa-0003-1", "When did the river\n   first flood the valley?", "close_qa");
        Instruction first = question("gen-close_qa-0003-0", "Who built the dam?", "close_qa");
        QuestionerExample e = examples.example(
                "gen-close_qa-0003",
                "close_qa",
                "ref-007#2",
                "The dam was built in 1931.",
                List.of(second, first),
                "train");
        assertEquals(List.of("gen-close_qa-0003-0", "gen-close_qa-0003-1"), e.instructionIds());
        assertEquals(
                List.of("Who built the dam?", "When did the river\nfirst flood the valley?"),
                QuestionListParser.parse(e.messages().get(1).content()));
    }

    @Test
    void thePromptCarriesTheScenarioTheReferenceAndTheCountButNoSeedExamples() {
        QuestionerExample e = examples.example(
                "gen-close_qa-0003",
                "close_qa",
                "ref-007#2",
                "The dam was built in 1931.",
                List.of(question("gen-close_qa-0003-0", "Who built the dam?", "close_qa")),
                "train");
        String user = e.messages().get(0).content();
        assertTrue(user.contains("The dam was built in 1931."), user);
        assertTrue(
                user.contains(Fixtures.catalog().find("close_qa").orElseThrow().name()), user);
        assertTrue(user.contains("Write exactly 1 instructions"), user);
        assertFalse(user.contains("seed-1"), user);
        assertTrue(e.templateVersion().startsWith("questioner@"));
        assertEquals("sim-gpt-4", e.teacherModel());
    }

    @Test
    void aQuestionIsKeptOnlyWhenItsLabelIsTheScenarioItWasWrittenFor() {
        assertTrue(examples.keeps(question("a", "Who built the dam?", "close_qa")));
        assertFalse(examples.keeps(question("b", "Who built the dam?", "open_qa")));
        QuestionerExamples byIntent = new QuestionerExamples(
                Fixtures.catalog(), Fixtures.prompts(), ClassifierLabels.INTENDED, new SplitAssigner(1, 0.1));
        assertTrue(byIntent.keeps(question("b", "Who built the dam?", "open_qa")));
    }

    @Test
    void chunksOfOneDocumentShareTheirSplitKey() {
        assertEquals("ref-007", QuestionerExamples.document("ref-007#2"));
        assertEquals("a#b", QuestionerExamples.document("a#b#0"));
        assertEquals("plain", QuestionerExamples.document("plain"));
    }

    /**
     * The call's scenario and passage come from its questions, and its split from the passage's document
     * (over many seeds a split keyed on the chunk id "ref-007#2" would differ somewhere).
     */
    @Test
    void aCallsRecordTakesItsQuestionsScenarioAndReferenceAndItsDocumentsSplit() {
        Instruction q = question("gen-close_qa-0003-0", "Who built the dam?", "close_qa");
        for (long seed = 0; seed < 40; seed++) {
            SplitAssigner splits = new SplitAssigner(seed, 0.5);
            QuestionerExample e = new QuestionerExamples(
                            Fixtures.catalog(), Fixtures.prompts(), ClassifierLabels.AGREED, splits)
                    .example("gen-close_qa-0003", "The dam was built in 1931.", List.of(q));
            assertEquals(
                    List.of("close_qa", "ref-007#2", splits.split("ref-007")),
                    List.of(e.scenario(), e.referenceId(), e.split()),
                    "seed " + seed);
            assertTrue(e.messages().get(0).content().contains("The dam was built in 1931."));
        }
    }
}
