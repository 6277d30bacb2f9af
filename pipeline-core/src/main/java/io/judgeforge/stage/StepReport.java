package io.judgeforge.stage;

import java.util.Map;

/**
 * The accounting of one step of a stage: {@code in = out + filtered + quarantined}, where the
 * counts are of work items; {@code produced} counts the output records (a step may fan out).
 * {@code calls} are HTTP attempts made in this run; {@code stored} are requests answered from the
 * response store without a call.
 */
public record StepReport(
    String step,
    long in,
    long out,
    long filtered,
    long quarantined,
    long produced,
    Map<String, Long> reasons,
    long calls,
    long stored,
    long promptTokens,
    long completionTokens,
    double costUsd,
    Map<String, Double> costByScenario) {

  public StepReport {
    reasons = Map.copyOf(reasons);
    costByScenario = Map.copyOf(costByScenario);
  }

  public boolean balanced() {
    return in == out + filtered + quarantined;
  }
}
