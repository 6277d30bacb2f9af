package io.judgeforge.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile-bootstrap confidence intervals (Efron): draw the group's items with replacement as many times as
 * there are items, recompute every figure on the resample, and take the {@code (1 - c)/2} and {@code (1 + c)/2}
 * quantiles of the resampled values (linear interpolation between order statistics, numpy's default). Each group
 * (the whole benchmark, each scenario) is resampled on its own, so a scenario's interval reflects its own size.
 * Resamples where a figure is undefined (a correlation of a resample with one distinct value) are left out of that
 * figure's quantiles. Resamples run in parallel, each with its own random stream split off in order beforehand,
 * so the result is the same on any number of cores.
 */
final class Bootstrap {
    private Bootstrap() {}

    /** The intervals of every figure the group computes, and of the normalised aggregate over {@code aggregate}. */
    record Intervals(Map<Metric, Interval> metrics, Interval normalised) {}

    static Intervals intervals(
            MetaMetrics group, List<Metric> aggregate, BootstrapSettings settings, SplittableRandom rng) {
        int b = settings.resamples();
        int n = group.size();
        // The same figures come out of every resample, so their arrays can be laid out before the parallel loop.
        Map<Metric, double[]> draws = new EnumMap<>(Metric.class);
        group.compute().values().keySet().forEach(metric -> draws.put(metric, new double[b]));
        double[] normalised = new double[b];
        // One stream per resample, split in order before the loop: the intervals do not depend on thread timing.
        SplittableRandom[] streams = new SplittableRandom[b];
        for (int r = 0; r < b; r++) {
            streams[r] = rng.split();
        }
        IntStream.range(0, b).parallel().forEach(r -> {
            int[] rows = new int[n];
            for (int k = 0; k < n; k++) {
                rows[k] = streams[r].nextInt(n);
            }
            Metrics m = group.compute(rows);
            m.values().forEach((metric, value) -> draws.get(metric)[r] = value);
            normalised[r] = m.normalised(aggregate);
        });
        Map<Metric, Interval> out = new EnumMap<>(Metric.class);
        draws.forEach((metric, values) -> out.put(metric, percentile(values, settings.confidence())));
        return new Intervals(out, percentile(normalised, settings.confidence()));
    }

    static Interval percentile(double[] values, double confidence) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(finite, tail), quantile(finite, 1 - tail));
    }

    /**
     * The q-quantile ({@code 0 < q <= 1}) of the values, interpolating linearly between neighbouring order statistics:
     * commons-math3's R-7 estimate, which is numpy's default.
     */
    static double quantile(double[] values, double q) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, q * 100);
    }
}
