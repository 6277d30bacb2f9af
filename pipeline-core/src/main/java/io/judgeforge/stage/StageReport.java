package io.judgeforge.stage;

import java.util.List;
import java.util.Map;

/** What a stage did in one run: its steps' accounting, its output by scenario, and its wall time. */
public record StageReport(
        String stage, List<StepReport> steps, long records, Map<String, Long> recordsByScenario, long wallMs) {
    public StageReport {
        steps = List.copyOf(steps);
        recordsByScenario = java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(recordsByScenario)); // key order: the same report bytes on every run
    }

    public long calls() {
        return steps.stream().mapToLong(StepReport::calls).sum();
    }

    public long stored() {
        return steps.stream().mapToLong(StepReport::stored).sum();
    }

    public double costUsd() {
        return steps.stream().mapToDouble(StepReport::costUsd).sum();
    }

    public java.util.Map<String, Double> costByScenario() {
        java.util.Map<String, Double> sum = new java.util.TreeMap<>();
        steps.forEach(s -> s.costByScenario().forEach((k, v) -> sum.merge(k, v, Double::sum)));
        return sum;
    }

    public boolean budgetStopped() {
        return steps.stream().anyMatch(s -> s.reasons().containsKey("budget_exhausted"));
    }

    public long promptTokens() {
        return steps.stream().mapToLong(StepReport::promptTokens).sum();
    }

    public long completionTokens() {
        return steps.stream().mapToLong(StepReport::completionTokens).sum();
    }

    public long cachedTokens() {
        return steps.stream().mapToLong(StepReport::cachedTokens).sum();
    }

    public long reasoningTokens() {
        return steps.stream().mapToLong(StepReport::reasoningTokens).sum();
    }
}
