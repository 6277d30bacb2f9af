package io.judgeforge.stage.generate;

import io.judgeforge.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * A round's generation plan as the quota table printed before any of its calls is made: per
 * scenario of the catalog, its quota, the instructions it has, and what the round's calls will write.
 */
public final class GenerationPlanTable {
    private GenerationPlanTable() {}

    /**
     * @param quota each scenario's quota, by id ({@code generate.quota}, or its own)
     * @param has the generated instructions each scenario has before the round
     */
    public static String render(
            int round,
            List<GenerationTask> plan,
            List<Scenario> scenarios,
            ToIntFunction<String> quota,
            Map<String, Long> has) {
        Map<String, int[]> callsAndCount = new TreeMap<>();
        for (GenerationTask t : plan) {
            int[] v = callsAndCount.computeIfAbsent(t.scenario(), k -> new int[2]);
            v[0]++;
            v[1] += t.count();
        }
        StringBuilder sb = new StringBuilder(
                round == 1
                        ? "[generate] plan: " + plan.size() + " teacher calls"
                        : "[generate] round " + round + ", the shortfall after validation: " + plan.size()
                                + " teacher calls");
        sb.append(String.format(
                "%n    %-24s %-9s %7s %7s %9s %7s", "scenario", "method", "quota", "has", "to write", "calls"));
        for (Scenario scenario : scenarios) {
            int[] v = callsAndCount.getOrDefault(scenario.id(), new int[2]);
            String method = scenario.method().name().toLowerCase(Locale.ROOT);
            sb.append(String.format(
                    "%n    %-24s %-9s %7d %7d %9d %7d",
                    scenario.id(),
                    method,
                    quota.applyAsInt(scenario.id()),
                    has.getOrDefault(scenario.id(), 0L),
                    v[1],
                    v[0]));
        }
        if (plan.isEmpty()) {
            sb.append("\n    every quota is met; no call to make");
        }
        return sb.toString();
    }
}
