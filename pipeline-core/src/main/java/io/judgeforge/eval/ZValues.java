package io.judgeforge.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The Themis paper's per-scenario z-values (Table 4): how many standard deviations a group's figure lies from the
 * mean over all the rows of the table, {@code z = (m - mean) / sd}. The rows are the whole benchmark ("All") and
 * every scenario, and {@code sd} is the sample standard deviation (n - 1, commons-math3's bias-corrected one). The
 * paper does not state this; it is the reading that reproduces its published z-values from its published Agr(2,2)
 * values, on both benchmarks, to within their rounding (the largest difference is 0.0005; see {@code ZValuesTest}). A
 * negative z marks a scenario where the judge does worse than on the others for a higher-is-better figure.
 */
final class ZValues {
    private ZValues() {}

    /**
     * The z-values of every metric that all {@code groups} have, in the order given; an empty map per group where
     * there are fewer than two groups or a metric is constant across them (no spread, no z).
     */
    static List<Map<Metric, Double>> of(List<Metrics> groups) {
        List<Map<Metric, Double>> out = new ArrayList<>();
        groups.forEach(g -> out.add(new EnumMap<>(Metric.class)));
        if (groups.size() < 2) {
            return out;
        }
        for (Metric metric : Metric.values()) {
            if (!groups.stream().allMatch(g -> g.has(metric) && Double.isFinite(g.get(metric)))) {
                continue;
            }
            double[] values = groups.stream().mapToDouble(g -> g.get(metric)).toArray();
            double mean = new Mean().evaluate(values);
            double sd = new StandardDeviation(true).evaluate(values, mean);
            if (sd == 0) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                out.get(i).put(metric, (values[i] - mean) / sd);
            }
        }
        return out;
    }
}
