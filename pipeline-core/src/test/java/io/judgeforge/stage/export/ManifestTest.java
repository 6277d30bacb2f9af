package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.Budget;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
    static StepReport step(
            String name,
            long in,
            long out,
            Map<String, Long> reasons,
            long calls,
            long stored,
            long promptTokens,
            long completionTokens,
            double costUsd,
            long cached,
            long reasoning) {
        long filtered = reasons.values().stream().mapToLong(Long::longValue).sum();
        return new StepReport(
                name,
                in,
                out,
                filtered,
                0,
                out,
                reasons,
                calls,
                stored,
                promptTokens,
                completionTokens,
                costUsd,
                Map.of(),
                cached,
                reasoning);
    }

    static final StageReport GENERATE = new StageReport(
            "generate",
            List.of(
                    step("generate-calls", 10, 10, Map.of(), 4, 1, 1000, 200, 0.25, 100, 0),
                    step("dedup", 10, 8, Map.of("near_duplicate", 2L), 0, 0, 0, 0, 0, 0, 0)),
            8,
            Map.of("close_qa", 8L),
            1500);
    static final StageReport JUDGE = new StageReport(
            "judge",
            List.of(step("judge-calls", 8, 6, Map.of("budget_exhausted", 2L), 6, 2, 3000, 900, 0.5, 0, 40)),
            6,
            Map.of(),
            2500);

    @Test
    void totalsSumTheStagesCallsTokensCostAndTime() {
        Manifest.Totals t = Manifest.Totals.over(List.of(GENERATE, JUDGE));
        assertEquals(new Manifest.Totals(10, 3, 4000, 1100, 0.75, 4000, true, 100, 40), t);
    }

    @Test
    void oneStepThatDoesNotBalanceMakesTheRunUnreconciled() {
        StageReport lossy = new StageReport(
                "select",
                List.of(new StepReport("select", 6, 4, 1, 0, 4, Map.of("x", 1L), 0, 0, 0, 0, 0, Map.of(), 0, 0)),
                4,
                Map.of(),
                10);
        assertFalse(Manifest.Totals.over(List.of(GENERATE, lossy)).reconciled());
        assertTrue(Manifest.Totals.over(List.of()).reconciled());
    }

    @Test
    void theBudgetUseIsWhatTheStagesSpentAndWhetherTheBudgetStoppedCalls() {
        assertEquals(
                new Manifest.BudgetUse(1.0, 5000, 0.75, 5100, true),
                Manifest.BudgetUse.of(new Budget(1.0, 5000), List.of(GENERATE, JUDGE)));
        assertEquals(
                new Manifest.BudgetUse(0, 0, 0.25, 1200, false),
                Manifest.BudgetUse.of(new Budget(0, 0), List.of(GENERATE)));
    }

    /** The totals' cost and the budget's spending are one sum, so the manifest never shows two figures for it. */
    @Test
    void theTotalCostAndTheBudgetSpendingAreTheSameDouble() {
        List<StageReport> stages = List.of(stage(0.1), stage(0.2), stage(0.3), stage(1e-17));
        assertEquals(
                Manifest.Totals.over(stages).costUsd(),
                Manifest.BudgetUse.of(new Budget(0, 0), stages).spentUsd());
    }

    static StageReport stage(double cost) {
        return new StageReport("s", List.of(step("s", 1, 1, Map.of(), 1, 0, 1, 1, cost, 0, 0)), 1, Map.of(), 1);
    }
}
