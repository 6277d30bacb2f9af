package io.judgeforge.stage.generate;

import java.util.List;

/**
 * A generated instruction with its lineage. {@code scenario} is the scenario the pipeline uses from
 * here on; {@code intendedScenario} the one it was written for; {@code predictedScenario} the
 * classifier's label (null until the classify stage).
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
    String requestHash) {

  public Instruction {
    seedExampleIds = List.copyOf(seedExampleIds);
  }

  public Instruction classified(String predicted, String finalScenario) {
    return new Instruction(id, finalScenario, intendedScenario, predicted, method, text, taskId, referenceId,
        seedExampleIds, templateVersion, teacherModel, requestHash);
  }
}
