package io.judgeforge.report;

import io.judgeforge.stage.select.BalanceReport.ScenarioBalance;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The select stage's balance report summed for the report's charts: records per scenario, and per label of
 * some modes, on one side of selection.
 */
final class SelectionCounts {
    /** Labels in their natural order: scores by value (so 10 after 9), verdicts by letter. */
    static final Comparator<String> LABELS = Comparator.<String, Boolean>comparing(l -> !l.matches("-?\\d+"))
            .thenComparing(l -> l.matches("-?\\d+") ? Long.parseLong(l) : 0L)
            .thenComparing(Comparator.naturalOrder());

    /** Before selection (the scored records) or after (the selected ones). */
    enum Side {
        BEFORE(ScenarioBalance::before),
        AFTER(ScenarioBalance::after);

        private final Function<ScenarioBalance, Map<String, Map<String, Long>>> byMode;

        Side(Function<ScenarioBalance, Map<String, Map<String, Long>>> byMode) {
            this.byMode = byMode;
        }
    }

    private SelectionCounts() {}

    /** Scenario to records on {@code side}, every scenario of the report (0 where that side has none). */
    static Map<String, Long> byScenario(Map<String, ScenarioBalance> balance, Side side) {
        Map<String, Long> out = new TreeMap<>();
        balance.forEach((scenario, entry) -> {
            Map<String, Map<String, Long>> modes = side.byMode.apply(entry);
            long records = modes == null
                    ? 0
                    : modes.values().stream()
                            .flatMap(labels -> labels.values().stream())
                            .mapToLong(Long::longValue)
                            .sum();
            out.put(scenario, records);
        });
        return out;
    }

    /** Label to records on {@code side} over {@code modes} and every scenario. */
    static Map<String, Long> byLabel(Map<String, ScenarioBalance> balance, Set<String> modes, Side side) {
        Map<String, Long> out = new TreeMap<>(LABELS);
        for (ScenarioBalance entry : balance.values()) {
            Map<String, Map<String, Long>> byMode = side.byMode.apply(entry);
            if (byMode != null) {
                byMode.forEach((mode, labels) -> {
                    if (modes.contains(mode)) {
                        labels.forEach((label, records) -> out.merge(label, records, Long::sum));
                    }
                });
            }
        }
        return out;
    }

    /** The keys of both maps in {@code order}, each map's values over them (0 where one lacks a key). */
    static List<String> keys(Map<String, Long> before, Map<String, Long> after, Comparator<String> order) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(order);
        keys.addAll(before.keySet());
        keys.addAll(after.keySet());
        return List.copyOf(keys);
    }

    static List<Long> values(Map<String, Long> counts, List<String> keys) {
        return keys.stream().map(k -> counts.getOrDefault(k, 0L)).toList();
    }
}
