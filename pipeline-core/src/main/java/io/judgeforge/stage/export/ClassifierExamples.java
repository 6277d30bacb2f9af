package io.judgeforge.stage.export;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.classify.ClassifyPrompt;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.ChatMessage;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Makes classifier-set records from classified instructions. The label follows
 * {@code export.classifier-labels}; the paper trained on hand labels, which this pipeline does not
 * have, so by default an instruction enters the set only where two independent signals agree: the
 * scenario it was written for and the teacher's label. Splits follow the instruction, as in the judge set.
 */
public final class ClassifierExamples implements Serializable {
    private final ClassifyPrompt prompt;
    private final ClassifierLabels policy;
    private final SplitAssigner splits;

    public ClassifierExamples(
            ScenarioCatalog catalog, PromptLibrary prompts, ClassifierLabels policy, SplitAssigner splits) {
        this.prompt = new ClassifyPrompt(catalog, prompts);
        this.policy = policy;
        this.splits = splits;
    }

    /** The label to train on, or empty when the policy leaves the instruction out. */
    public static Optional<String> label(Instruction instruction, ClassifierLabels policy) {
        return label(instruction.intendedScenario(), instruction.predictedScenario(), policy);
    }

    /** As {@link #label(Instruction, ClassifierLabels)}, from the two scenario labels. */
    public static Optional<String> label(String intended, String predicted, ClassifierLabels policy) {
        if (predicted == null) {
            return Optional.ofNullable(policy == ClassifierLabels.PREDICTED ? null : intended);
        }
        if (intended == null) {
            return Optional.of(predicted);
        }
        return switch (policy) {
            case AGREED -> intended.equals(predicted) ? Optional.of(intended) : Optional.empty();
            case INTENDED -> Optional.of(intended);
            case PREDICTED -> Optional.of(predicted);
        };
    }

    public Optional<String> label(Instruction instruction) {
        return label(instruction, policy);
    }

    /** The record of {@code instruction}, trained to answer {@code label} (see {@link #label(Instruction)}). */
    public ClassifierExample example(Instruction instruction, String label) {
        return new ClassifierExample(
                List.of(
                        ChatMessage.user(prompt.render(instruction.text())),
                        ChatMessage.assistant(ClassifyPrompt.answer(label))),
                instruction.id(),
                splits.split(instruction.id()),
                label,
                instruction.method(),
                instruction.intendedScenario(),
                instruction.predictedScenario(),
                prompt.version());
    }
}
