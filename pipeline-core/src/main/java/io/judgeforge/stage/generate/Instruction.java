package io.judgeforge.stage.generate;

import java.util.List;

/**
 * A generated instruction with its lineage. {@code scenario} is the scenario the pipeline uses from
 * here on; {@code intendedScenario} the one it was written for; {@code predictedScenario} the
 * classifier's label (null until the classify stage). {@code referenceAnswer} is a reference
 * answer that came with an imported instruction (its optional {@code reference} column), used by
 * reference-guided grading; null otherwise.
 */
public record Instruction(
        String id,
        String scenario,
        String intendedScenario,
        String predictedScenario,
        String method,
        String text,
        String taskId,
        String referenceId,
        List<String> seedExampleIds,
        String templateVersion,
        String teacherModel,
        String requestHash,
        String referenceAnswer) {

    public Instruction {
        seedExampleIds = List.copyOf(seedExampleIds);
    }

    public Instruction classified(String predicted, String finalScenario) {
        return new Instruction(
                id,
                finalScenario,
                intendedScenario,
                predicted,
                method,
                text,
                taskId,
                referenceId,
                seedExampleIds,
                templateVersion,
                teacherModel,
                requestHash,
                referenceAnswer);
    }
}
