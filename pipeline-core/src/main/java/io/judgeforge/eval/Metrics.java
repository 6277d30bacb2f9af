package io.judgeforge.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The agreement figures for one group of benchmark items (all of them, a scenario, or one bootstrap resample).
 *
 * @param n benchmark items in the group; every one is scored, with or without a usable prediction
 * @param missing items with no usable prediction (none, unparseable, or off the scale), each scored as wrong
 * @param missingSwapped pairwise with a swapped order: items with no usable swapped-order verdict; else {@code null}
 * @param values each applicable metric's value; {@code NaN} where the definition divides by zero (a correlation
 *     of a constant input), which the reports write as {@code null}
 * @param random each applicable metric's value for a judge that guesses at random (see {@link MetaMetrics}), where
 *     one is defined; the normalised aggregate maps it to 0
 */
public record Metrics(
        int n, int missing, Integer missingSwapped, Map<Metric, Double> values, Map<Metric, Double> random) {
    public Metrics {
        values = copy(values);
        random = copy(random);
    }

    private static Map<Metric, Double> copy(Map<Metric, Double> map) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        out.putAll(map);
        return Collections.unmodifiableMap(out);
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }

    /**
     * The value of {@code metric}.
     *
     * @throws IllegalArgumentException if the metric does not apply to this group (pairwise MAE, say)
     */
    public double get(Metric metric) {
        Double value = values.get(metric);
        if (value == null) {
            throw new IllegalArgumentException(metric.key() + " does not apply here; computed: " + values.keySet());
        }
        return value;
    }

    public double accuracy() {
        return get(Metric.ACCURACY);
    }

    /**
     * The normalised aggregate over {@code metrics}: each metric mapped linearly so that random guessing is 0 and the
     * ideal value 1, {@code (m - random) / (best - random)}, then averaged with equal weight (the Themis paper's
     * section 5.4). {@code NaN} if any of them is undefined here.
     */
    public double normalised(List<Metric> metrics) {
        double sum = 0;
        for (Metric m : metrics) {
            sum += normalised(m);
        }
        return sum / metrics.size();
    }

    /** One metric on the normalised scale; {@code NaN} if it, or its random value, is undefined here. */
    public double normalised(Metric metric) {
        Double value = values.get(metric);
        Double chance = random.get(metric);
        if (value == null || chance == null || metric.best() == chance) {
            return Double.NaN;
        }
        return (value - chance) / (metric.best() - chance);
    }
}
