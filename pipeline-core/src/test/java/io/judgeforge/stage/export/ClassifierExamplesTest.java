package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.stage.classify.ClassifyPrompt;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassifierExamplesTest {
    static Instruction instruction(String intended, String predicted, String method) {
        Instruction written = new Instruction(
                "gen-x-0000-0",
                intended,
                intended,
                null,
                method,
                "Translate 'good morning' into French.",
                "gen-x-0000",
                null,
                List.of(),
                "generate-quiz@0123456789ab",
                "sim-gpt-4",
                "h",
                null);
        return predicted == null ? written : written.classified(predicted, intended == null ? predicted : intended);
    }

    @Test
    void agreedKeepsOnlyInstructionsWhoseTeacherLabelIsTheIntendedScenario() {
        assertEquals(
                Optional.of("translation"),
                ClassifierExamples.label(
                        instruction("translation", "translation", "reference"), ClassifierLabels.AGREED));
        assertEquals(
                Optional.empty(),
                ClassifierExamples.label(
                        instruction("translation", "rewriting", "reference"), ClassifierLabels.AGREED));
    }

    @Test
    void intendedAndPredictedPoliciesPickTheirSide() {
        Instruction disputed = instruction("translation", "rewriting", "reference");
        assertEquals(Optional.of("translation"), ClassifierExamples.label(disputed, ClassifierLabels.INTENDED));
        assertEquals(Optional.of("rewriting"), ClassifierExamples.label(disputed, ClassifierLabels.PREDICTED));
    }

    @Test
    void importedInstructionsWithoutAScenarioTakeTheTeachersLabelUnderEveryPolicy() {
        Instruction imported = instruction(null, "open_qa", "imported");
        for (ClassifierLabels policy : ClassifierLabels.values()) {
            assertEquals(Optional.of("open_qa"), ClassifierExamples.label(imported, policy), policy.name());
        }
    }

    @Test
    void anUnclassifiedInstructionHasNoTeacherLabelToTrainOn() {
        Instruction unclassified = instruction("translation", null, "reference");
        assertEquals(Optional.empty(), ClassifierExamples.label(unclassified, ClassifierLabels.PREDICTED));
        assertEquals(Optional.of("translation"), ClassifierExamples.label(unclassified, ClassifierLabels.INTENDED));
    }

    /** The record is the classify stage's own prompt, and its answer parses back to the label. */
    @Test
    void theExampleIsTheClassifyPromptAndAnAnswerTheStageParses() {
        ClassifierExamples examples = new ClassifierExamples(
                Fixtures.catalog(), Fixtures.prompts(), ClassifierLabels.AGREED, new SplitAssigner(1, 0.1));
        Instruction i = instruction("translation", "translation", "reference");
        ClassifierExample e = examples.example(i, "translation");
        ClassifyPrompt prompt = new ClassifyPrompt(Fixtures.catalog(), Fixtures.prompts());
        assertEquals(prompt.render(i.text()), e.messages().get(0).content());
        assertEquals(
                Optional.of("translation"), prompt.parse(e.messages().get(1).content()));
        assertTrue(e.templateVersion().startsWith("classify@"));
        assertEquals("reference", e.source());
        assertEquals(
                List.of("user", "assistant"),
                e.messages().stream().map(m -> m.role()).toList());
    }

    /** Over many seeds a split keyed on anything but the instruction id (its task's, say) would differ somewhere. */
    @Test
    void theSplitFollowsTheInstructionAsInTheJudgeSet() {
        Instruction i = instruction("translation", "translation", "quiz");
        for (long seed = 0; seed < 40; seed++) {
            SplitAssigner splits = new SplitAssigner(seed, 0.5);
            ClassifierExamples examples =
                    new ClassifierExamples(Fixtures.catalog(), Fixtures.prompts(), ClassifierLabels.AGREED, splits);
            assertEquals(
                    splits.split(i.id()), examples.example(i, "translation").split(), "seed " + seed);
        }
    }
}
