package io.judgeforge.stage.export;

import io.judgeforge.stage.StageReport;
import java.util.List;
import java.util.Map;

/**
 * The account of one published dataset version: what was written (shards with checksums), how the
 * records divide (per set, split, scenario and score), the config that made it, and every stage's
 * reconciliation of its records.
 */
public record Manifest(
    String version,
    String runId,
    String runName,
    String createdAt,
    String configSha256,
    Map<String, SetCounts> sets,
    List<ShardInfo> shards,
    List<StageReport> stages,
    Totals totals,
    BudgetUse budget) {

  /**
   * One fine-tuning set: what it trains ({@code task}) and its record counts. {@code byMode},
   * {@code byScore} and {@code byVerdict} are the judge set's (grading modes, pointwise scores,
   * pairwise verdicts) and are empty for the other sets.
   */
  public record SetCounts(
      String task,
      long records,
      Map<String, Long> bySplit,
      Map<String, Long> byScenario,
      Map<String, Long> byMode,
      Map<String, Long> byScore,
      Map<String, Long> byVerdict,
      Map<String, Map<String, Long>> bySplitAndScenario) {}

  /** Run-wide totals. */
  public record Totals(long calls, long stored, long promptTokens, long completionTokens, double costUsd, long wallMs,
      boolean reconciled, long cachedTokens, long reasoningTokens) {}

  /** The budget and what was spent; {@code stopped}: the budget ran out and stopped calls. */
  public record BudgetUse(double maxUsd, long maxTokens, double spentUsd, long spentTokens, boolean stopped) {}
}
