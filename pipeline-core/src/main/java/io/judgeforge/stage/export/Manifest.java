package io.judgeforge.stage.export;

import io.judgeforge.config.PipelineConfig.Budget;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import java.util.List;
import java.util.Map;

/**
 * The account of one published dataset version: what was written (shards with checksums), how the
 * records divide (per set, split, scenario and score), the config that made it, and every stage's
 * reconciliation of its records. {@code parentVersion} names the version a refresh built this one on
 * (its records are this version's, less those whose inputs were removed); null for a version a full
 * run made.
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
        BudgetUse budget,
        String parentVersion) {

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

    /** Run-wide totals; {@code reconciled}: every step of every stage balances its records. */
    public record Totals(
            long calls,
            long stored,
            long promptTokens,
            long completionTokens,
            double costUsd,
            long wallMs,
            boolean reconciled,
            long cachedTokens,
            long reasoningTokens) {

        /** The sums over the run's stage reports. */
        public static Totals over(List<StageReport> stages) {
            return new Totals(
                    stages.stream().mapToLong(StageReport::calls).sum(),
                    stages.stream().mapToLong(StageReport::stored).sum(),
                    stages.stream().mapToLong(StageReport::promptTokens).sum(),
                    stages.stream().mapToLong(StageReport::completionTokens).sum(),
                    spending(stages),
                    stages.stream().mapToLong(StageReport::wallMs).sum(),
                    stages.stream().allMatch(s -> s.steps().stream().allMatch(StepReport::balanced)),
                    stages.stream().mapToLong(StageReport::cachedTokens).sum(),
                    stages.stream().mapToLong(StageReport::reasoningTokens).sum());
        }
    }

    /** The budget and what was spent; {@code stopped}: the budget ran out and stopped calls. */
    public record BudgetUse(double maxUsd, long maxTokens, double spentUsd, long spentTokens, boolean stopped) {

        /** What the run's stages spent of {@code budget}; tokens are prompt and completion tokens. */
        public static BudgetUse of(Budget budget, List<StageReport> stages) {
            long tokens = stages.stream()
                    .mapToLong(s -> s.promptTokens() + s.completionTokens())
                    .sum();
            return new BudgetUse(
                    budget.maxUsd(),
                    budget.maxTokens(),
                    spending(stages),
                    tokens,
                    stages.stream().anyMatch(StageReport::budgetStopped));
        }
    }

    // One summation for both records, so the totals' cost and the budget's spending are the same double.
    private static double spending(List<StageReport> stages) {
        return stages.stream().mapToDouble(StageReport::costUsd).sum();
    }
}
