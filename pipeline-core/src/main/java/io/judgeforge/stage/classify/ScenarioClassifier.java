package io.judgeforge.stage.classify;

import io.judgeforge.config.PipelineConfig.MismatchPolicy;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatClient;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.ModelCall;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Asks the teacher which catalog scenario an instruction belongs to, and applies
 * {@code classify.on-mismatch} when the label differs from the scenario it was written for.
 */
public final class ScenarioClassifier implements Serializable {
    private final ClassifyPrompt prompt;
    private final ModelCall teacher;
    private final MismatchPolicy onMismatch;

    public ScenarioClassifier(
            ScenarioCatalog catalog, PromptLibrary prompts, ModelCall teacher, MismatchPolicy onMismatch) {
        this.prompt = new ClassifyPrompt(catalog, prompts);
        this.teacher = teacher;
        this.onMismatch = onMismatch;
    }

    public String render(String instruction) {
        return prompt.render(instruction);
    }

    /** The scenario id in the answer, if it names exactly one scenario of the catalog. */
    public Optional<String> parse(String answer) {
        return prompt.parse(answer);
    }

    public ItemOutcome<Instruction> classify(Instruction instruction, ChatClient client) {
        ChatResult result =
                client.chat(teacher, List.of(ChatMessage.user(render(instruction.text()))), prompt.version());
        CallUsage usage = CallUsage.of(result);
        if (!result.ok()) {
            return ItemOutcome.failedCall(result.outcome(), result.error(), usage);
        }
        Optional<String> label = parse(result.content());
        if (label.isEmpty()) {
            return ItemOutcome.quarantined(
                    CallOutcome.PARSE_FAILED,
                    "no single catalog scenario id in [[ ]] in the answer: " + abbreviate(result.content()),
                    usage);
        }
        String predicted = label.get();
        // An imported instruction without a scenario of its own takes the label; there is nothing to mismatch.
        if (instruction.intendedScenario() == null || predicted.equals(instruction.intendedScenario())) {
            return ItemOutcome.out(List.of(instruction.classified(predicted, predicted)), usage);
        }
        return switch (onMismatch) {
            case KEEP ->
                ItemOutcome.out(List.of(instruction.classified(predicted, instruction.intendedScenario())), usage);
            case RELABEL -> ItemOutcome.out(List.of(instruction.classified(predicted, predicted)), usage);
            case DROP ->
                ItemOutcome.filtered(
                        RejectReason.SCENARIO_MISMATCH,
                        "written for " + instruction.intendedScenario() + ", classified as " + predicted,
                        usage);
        };
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 160 ? one : one.substring(0, 160) + "...";
    }
}
