package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The percentile rule by hand, and the interval's behaviour on a group whose answer is known. */
class BootstrapTest {
    @Test
    void quantilesInterpolateBetweenOrderStatisticsAsNumpyDoes() {
        double[] values = {4, 1, 5, 3, 2};
        assertEquals(3.0, Bootstrap.quantile(values, 0.5));
        assertEquals(5.0, Bootstrap.quantile(values, 1));
        assertEquals(1.1, Bootstrap.quantile(values, 0.025), 1e-12); // position 0.1 among the sorted values
        assertEquals(4.9, Bootstrap.quantile(values, 0.975), 1e-12); // position 3.9
        Interval ci = Bootstrap.percentile(new double[] {5, Double.NaN, 1, 3, 2, 4}, 0.95);
        assertEquals(
                new Interval(1.1, 4.9),
                new Interval(Math.round(ci.lower() * 1e9) / 1e9, Math.round(ci.upper() * 1e9) / 1e9));
        assertTrue(
                Double.isNaN(
                        Bootstrap.percentile(new double[] {Double.NaN}, 0.95).lower()),
                "no defined value, no interval");
    }

    @Test
    void aJudgeRightOnHalfOfManyItemsGetsANarrowIntervalAroundOneHalf() {
        // 400 items, the judge right on every other one: accuracy 0.5, standard error sqrt(0.25 / 400) = 0.025, so a
        // 95% interval is about 0.5 +- 0.049.
        List<BenchmarkItem> items = new ArrayList<>();
        Map<String, Prediction> predictions = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String id = "i" + i;
            items.add(new BenchmarkItem(id, null, 1));
            predictions.put(id, new Prediction(id, new Rating.Value(i % 2 == 0 ? 1 : 2)));
        }
        Scale scale = new Scale(1, 5);
        MetaMetrics group = new MetaMetrics(
                EvalMode.PAIRWISE, scale, PredictionScale.of(scale), 1, 5, false, true, items, predictions);
        Interval ci = Bootstrap.intervals(
                        group, List.of(Metric.ACCURACY), new BootstrapSettings(2000, 0.95, 3), new SplittableRandom(3))
                .metrics()
                .get(Metric.ACCURACY);
        assertEquals(0.5 - 0.049, ci.lower(), 0.01);
        assertEquals(0.5 + 0.049, ci.upper(), 0.01);

        // The same intervals on one thread as on every core: each resample has its own stream, split off in order.
        Bootstrap.Intervals everyCore = Bootstrap.intervals(
                group, List.of(Metric.ACCURACY), new BootstrapSettings(500, 0.9, 5), new SplittableRandom(5));
        ForkJoinPool oneThread = new ForkJoinPool(1);
        try {
            Bootstrap.Intervals single = oneThread
                    .submit(() -> Bootstrap.intervals(
                            group,
                            List.of(Metric.ACCURACY),
                            new BootstrapSettings(500, 0.9, 5),
                            new SplittableRandom(5)))
                    .get();
            assertEquals(everyCore, single);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            oneThread.shutdown();
        }
    }
}
