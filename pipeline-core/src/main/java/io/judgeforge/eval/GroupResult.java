package io.judgeforge.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything reported for one group (the whole benchmark or a scenario).
 *
 * @param metrics the figures
 * @param normalised the normalised aggregate ({@link Metrics#normalised(java.util.List)}); {@code NaN} if undefined
 * @param intervals each figure's bootstrap confidence interval; empty when the bootstrap is off
 * @param normalisedInterval the aggregate's interval, or {@code null} when the bootstrap is off
 * @param z each figure's z-value against the other groups ({@link ZValues}); empty without scenarios
 */
public record GroupResult(
        Metrics metrics,
        double normalised,
        Map<Metric, Interval> intervals,
        Interval normalisedInterval,
        Map<Metric, Double> z) {
    public GroupResult {
        intervals = copy(intervals);
        z = copy(z);
    }

    private static <V> Map<Metric, V> copy(Map<Metric, V> map) {
        Map<Metric, V> out = new EnumMap<>(Metric.class);
        out.putAll(map);
        return Collections.unmodifiableMap(out);
    }
}
