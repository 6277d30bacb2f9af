package io.judgeforge.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals (Efron): draw the group's items with replacement as many times as
 * there are items, recompute every figure on the resample, and take the {@code (1 - c)/2} and {@code (1 + c)/2}
 * quantiles of the resampled values (linear interpolation between order statistics, numpy's default). Each group
 * (the whole benchmark, each scenario) is resampled on its own, so a scenario's interval reflects its own size.
 * Resamples where a figure is undefined (a correlation of a resample with one distinct value) are left out of that
 * figure's quantiles.
 */
final class Bootstrap {
  private Bootstrap() {}

  /** The intervals of every figure the group computes, and of the normalised aggregate over {@code aggregate}. */
  record Intervals(Map<Metric, Interval> metrics, Interval normalised) {}

  static Intervals intervals(MetaMetrics group, List<Metric> aggregate, BootstrapSettings settings, SplittableRandom rng) {
    int b = settings.resamples();
    int n = group.size();
    Map<Metric, double[]> draws = new EnumMap<>(Metric.class);
    double[] normalised = new double[b];
    int[] rows = new int[n];
    for (int r = 0; r < b; r++) {
      for (int k = 0; k < n; k++) {
        rows[k] = rng.nextInt(n);
      }
      Metrics m = group.compute(rows);
      for (Map.Entry<Metric, Double> e : m.values().entrySet()) {
        draws.computeIfAbsent(e.getKey(), key -> new double[b])[r] = e.getValue();
      }
      normalised[r] = m.normalised(aggregate);
    }
    Map<Metric, Interval> out = new EnumMap<>(Metric.class);
    draws.forEach((metric, values) -> out.put(metric, percentile(values, settings.confidence())));
    return new Intervals(out, percentile(normalised, settings.confidence()));
  }

  static Interval percentile(double[] values, double confidence) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double tail = (1 - confidence) / 2;
    return new Interval(quantile(finite, tail), quantile(finite, 1 - tail));
  }

  /** The q-quantile of sorted values, interpolating linearly between neighbours. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
