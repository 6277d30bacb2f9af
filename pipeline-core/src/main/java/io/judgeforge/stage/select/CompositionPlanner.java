package io.judgeforge.stage.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many records each scenario keeps: by weights, scaled to the largest total that every
 * weighted scenario's supply can fill, and to at most {@code target} (0 = no target). Without
 * weights, a target scales every scenario down in proportion to its supply. Rounding down is made
 * up by the largest remainders, ties by scenario id, so the plan is deterministic.
 */
public final class CompositionPlanner {
    private CompositionPlanner() {}

    /** {@code weights}: scenario to weight, or empty for "as supplied"; a scenario without a weight keeps nothing. */
    public static Map<String, Long> quotas(Map<String, Long> supply, Map<String, Double> weights, long target) {
        Map<String, Double> w = new TreeMap<>();
        if (weights.isEmpty()) {
            supply.forEach((s, n) -> w.put(s, (double) n));
        } else {
            supply.keySet().forEach(s -> w.put(s, weights.getOrDefault(s, 0.0)));
        }
        double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
        long supplied = supply.values().stream().mapToLong(Long::longValue).sum();
        if (sum <= 0) {
            Map<String, Long> none = new TreeMap<>();
            supply.keySet().forEach(s -> none.put(s, 0L));
            return none;
        }
        double total = target > 0 ? target : supplied;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            if (e.getValue() > 0) {
                total = Math.min(total, supply.get(e.getKey()) * sum / e.getValue());
            }
        }
        long whole = (long) Math.floor(total + 1e-9);
        Map<String, Long> quotas = new TreeMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, Double> e : w.entrySet()) {
            double exact = whole * e.getValue() / sum;
            long floor = Math.min((long) Math.floor(exact + 1e-9), supply.get(e.getKey()));
            quotas.put(e.getKey(), floor);
            given += floor;
            remainders.add(Map.entry(e.getKey(), exact - floor));
        }
        remainders.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Double> r : remainders) {
            if (given >= whole) {
                break;
            }
            if (r.getValue() > 1e-9 && quotas.get(r.getKey()) < supply.get(r.getKey())) {
                quotas.merge(r.getKey(), 1L, Long::sum);
                given++;
            }
        }
        return quotas;
    }

    /**
     * A scenario's quota split over its buckets (records per bucket) as evenly as possible, where the
     * {@code paired} buckets hold pairs and so take even counts: the most even fill first, then an
     * odd pair bucket gives back one record, and what is left goes, in key order, to buckets with
     * room (two at a time to paired ones).
     */
    public static <K extends Comparable<K>> Map<K, Long> split(Map<K, Long> buckets, Set<K> paired, long quota) {
        Map<K, Long> kept = ScoreBalancePlanner.fill(buckets, quota);
        long left = quota;
        for (Map.Entry<K, Long> e : kept.entrySet()) {
            if (paired.contains(e.getKey()) && e.getValue() % 2 == 1) {
                e.setValue(e.getValue() - 1);
            }
            left -= e.getValue();
        }
        for (Map.Entry<K, Long> e : kept.entrySet()) {
            long step = paired.contains(e.getKey()) ? 2 : 1;
            while (left >= step && e.getValue() + step <= buckets.get(e.getKey())) {
                e.setValue(e.getValue() + step);
                left -= step;
            }
        }
        return kept;
    }

    /** Scenario weights from clusters: each cluster's ratio shared evenly among its scenarios. */
    public static Map<String, Double> clusterWeights(Map<String, List<String>> clusters, Map<String, Double> ratios) {
        Map<String, Double> weights = new TreeMap<>();
        clusters.forEach((name, scenarios) -> scenarios.forEach(
                s -> weights.merge(s, ratios.getOrDefault(name, 0.0) / scenarios.size(), Double::sum)));
        return weights;
    }
}
