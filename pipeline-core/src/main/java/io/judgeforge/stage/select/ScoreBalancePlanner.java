package io.judgeforge.stage.select;

import java.util.Map;
import java.util.TreeMap;

/**
 * Caps the records kept per score within one scenario so that no score holds more than
 * {@code maxShare} of what is kept, keeping as many records as that allows. The paper's early judge
 * over-predicted 4 because 56% of its data scored 4 (Themis section 5).
 *
 * <p>The cap is the largest c with c <= maxShare * sum(min(n_s, c)). When too few scores are present
 * for any cap to meet the share (one or two scores at 0.4), the cap is the smallest bucket: as even
 * as the supply allows.
 */
public final class ScoreBalancePlanner {
    private ScoreBalancePlanner() {}

    public static <K> long cap(Map<K, Long> histogram, double maxShare) {
        long max = histogram.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (long c = max; c >= 1; c--) {
            long kept = 0;
            for (long n : histogram.values()) {
                kept += Math.min(n, c);
            }
            if (c <= maxShare * kept + 1e-9) {
                return c;
            }
        }
        return histogram.values().stream()
                .mapToLong(Long::longValue)
                .filter(n -> n > 0)
                .min()
                .orElse(0);
    }

    /** What each label (a score, or a pairwise verdict) keeps under the cap. */
    public static <K extends Comparable<K>> Map<K, Long> kept(Map<K, Long> histogram, double maxShare) {
        long c = cap(histogram, maxShare);
        Map<K, Long> kept = new TreeMap<>();
        histogram.forEach((score, n) -> kept.put(score, Math.min(n, c)));
        return kept;
    }

    /**
     * The most even way to keep {@code quota} items from buckets of the given sizes: every bucket
     * keeps min(size, c) for the largest level c that fits, and what is left of the quota goes one
     * each to the buckets still above c, in key order. Deterministic for the same histogram.
     */
    public static <K extends Comparable<K>> Map<K, Long> fill(Map<K, Long> histogram, long quota) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        Map<K, Long> kept = new TreeMap<>(histogram);
        if (quota >= total) {
            return kept;
        }
        long lo = 0;
        long hi = histogram.values().stream().mapToLong(Long::longValue).max().orElse(0);
        while (lo < hi) {
            long mid = (lo + hi + 1) / 2;
            long sum =
                    histogram.values().stream().mapToLong(n -> Math.min(n, mid)).sum();
            if (sum <= quota) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long level = lo;
        long left = quota;
        for (Map.Entry<K, Long> e : kept.entrySet()) {
            e.setValue(Math.min(e.getValue(), level));
            left -= e.getValue();
        }
        for (Map.Entry<K, Long> e : kept.entrySet()) {
            if (left > 0 && histogram.get(e.getKey()) > level) {
                e.setValue(e.getValue() + 1);
                left--;
            }
        }
        return kept;
    }

    /**
     * Keeps a target distribution: the largest total T whose shares every bucket can fill
     * (T = min n_k / share_k over the buckets with a share), each bucket keeping floor(T x share_k).
     * A bucket without a share keeps nothing.
     */
    public static <K extends Comparable<K>> Map<K, Long> shaped(Map<K, Long> histogram, Map<K, Double> shares) {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        double total = Double.MAX_VALUE;
        for (Map.Entry<K, Double> e : shares.entrySet()) {
            if (e.getValue() > 0) {
                total = Math.min(total, histogram.getOrDefault(e.getKey(), 0L) * sum / e.getValue());
            }
        }
        Map<K, Long> kept = new TreeMap<>();
        for (K k : histogram.keySet()) {
            double share = shares.getOrDefault(k, 0.0);
            kept.put(k, share <= 0 ? 0 : (long) Math.floor(total * share / sum + 1e-9));
        }
        return kept;
    }
}
