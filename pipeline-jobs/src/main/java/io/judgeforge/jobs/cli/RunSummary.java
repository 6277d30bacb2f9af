package io.judgeforge.jobs.cli;

import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The table printed at the end of a run: records per stage and per scenario, calls, and time. */
final class RunSummary {
    private static final Set<String> PARALLEL_STEPS = Set.of("judge", "augment", "export");

    private RunSummary() {}

    static String render(List<StageReport> reports, long wallMs, String dataset, String simulatorStats) {
        StringBuilder sb = new StringBuilder("\nRun summary\n");
        sb.append(String.format(
                "%-24s %8s %8s %9s %12s %8s %8s %8s %12s %8s%n",
                "stage", "in", "out", "filtered", "quarantined", "records", "calls", "stored", "tokens", "wall s"));
        long calls = 0;
        long stored = 0;
        long tokens = 0;
        for (StageReport r : reports) {
            long stageTokens = r.promptTokens() + r.completionTokens();
            calls += r.calls();
            tokens += stageTokens;
            stored += r.stored();
            boolean parallel = PARALLEL_STEPS.contains(r.stage()) && r.steps().size() > 1;
            if (parallel) {
                // These stages' steps each take the whole input (a grading mode, a fine-tuning set), not one
                // another's output: one row per step.
                for (StepReport s : r.steps()) {
                    String name = r.stage() + ":" + s.step().replaceAll("-(set|calls)$", "");
                    sb.append(String.format(
                            "%-24s %8d %8d %9d %12d %8d %8d %8d %12d %8s%n",
                            name,
                            s.in(),
                            s.out(),
                            s.filtered(),
                            s.quarantined(),
                            s.produced(),
                            s.calls(),
                            s.stored(),
                            s.promptTokens() + s.completionTokens(),
                            ""));
                }
                sb.append(String.format(
                        "%-24s %8s %8s %9s %12s %8d %8d %8d %12d %8.1f%n",
                        r.stage(),
                        "",
                        "",
                        "",
                        "",
                        r.records(),
                        r.calls(),
                        r.stored(),
                        stageTokens,
                        r.wallMs() / 1000.0));
                continue;
            }
            long filtered = r.steps().stream().mapToLong(StepReport::filtered).sum();
            long quarantined =
                    r.steps().stream().mapToLong(StepReport::quarantined).sum();
            sb.append(String.format(
                    "%-24s %8d %8d %9d %12d %8d %8d %8d %12d %8.1f%n",
                    r.stage(),
                    r.steps().get(0).in(),
                    r.steps().get(r.steps().size() - 1).out(),
                    filtered,
                    quarantined,
                    r.records(),
                    r.calls(),
                    r.stored(),
                    stageTokens,
                    r.wallMs() / 1000.0));
        }
        sb.append(
                "(in: work items of the stage's first step; out: items kept by its last step; records: rows written;\n"
                        + " judge, augment and export show a row per step, as each takes the whole input: a mode, an operation, a set;\n"
                        + " calls: HTTP requests made; stored: requests answered from the response store without a call)\n");
        Set<String> scenarios = new TreeSet<>();
        reports.forEach(r -> scenarios.addAll(r.recordsByScenario().keySet()));
        sb.append(String.format("%nrecords by scenario%n%-24s", "scenario"));
        reports.forEach(r -> sb.append(String.format(" %9s", r.stage())));
        sb.append('\n');
        for (String s : scenarios) {
            sb.append(String.format("%-24s", s));
            reports.forEach(
                    r -> sb.append(String.format(" %9d", r.recordsByScenario().getOrDefault(s, 0L))));
            sb.append('\n');
        }
        double cost = reports.stream().mapToDouble(StageReport::costUsd).sum();
        sb.append(String.format(
                "%nteacher calls: %d (tokens %d, cost $%.4f); answered from the response store: %d%n",
                calls, tokens, cost, stored));
        reports.stream()
                .filter(StageReport::budgetStopped)
                .findFirst()
                .ifPresent(r -> sb.append("the budget ran out during stage ")
                        .append(r.stage())
                        .append(": calls not made are filtered as budget_exhausted\n"));
        if (simulatorStats != null) {
            sb.append("simulator saw: ").append(simulatorStats).append('\n');
        }
        sb.append(String.format("wall time: %.1f s%n", wallMs / 1000.0));
        if (dataset != null) {
            sb.append("dataset: ").append(dataset).append('\n');
        }
        return sb.toString();
    }
}
