package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distributions are sampled directly: statistics over HTTP would be slow and say nothing more. */
class LatencyTest {
    private static final int SAMPLES = 20_000;

    @Test
    void noneAndFixedNeverVary() {
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(0, Latency.NONE.sampleMs(random));
        assertEquals(0, SimulatorSettings.defaults().latency().sampleMs(random));
        for (int i = 0; i < 100; i++) {
            assertEquals(120, Latency.fixed(120).sampleMs(random));
        }
        assertFalse(Latency.fixed(120).varies());
        assertEquals(120.0, Latency.fixed(120).p99Ms());
    }

    @Test
    void uniformStaysInItsRangeWithTheMedianAtTheMean() {
        Latency latency = Latency.uniform(50, 150);
        assertEquals(100.0, latency.meanMs(), 1e-9);
        assertEquals(50.0, latency.minMs(), 1e-9);
        assertEquals(150.0, latency.maxMs(), 1e-9);

        long[] samples = sample(latency, 7);
        assertTrue(
                samples[0] >= 50 && samples[samples.length - 1] <= 150,
                "range " + samples[0] + ".." + samples[samples.length - 1]);
        assertEquals(100.0, median(samples), 2.0);
        assertEquals(100.0, mean(samples), 1.5);
        assertEquals(latency.p99Ms(), quantile(samples, 0.99), 2.0);
    }

    @Test
    void uniformFromMeanAndP99SpansTheRangeThatGivesThatP99() {
        Latency latency = new Latency(Latency.Kind.UNIFORM, 100, 149);

        assertEquals(50.0, latency.minMs(), 1e-9);
        assertEquals(150.0, latency.maxMs(), 1e-9);
        long[] samples = sample(latency, 8);
        assertEquals(100.0, median(samples), 2.0);
        assertEquals(149.0, quantile(samples, 0.99), 2.0);
    }

    @Test
    void lognormalHasTheConfiguredMeanAndP99AndStaysPositiveAndCapped() {
        Latency latency = Latency.lognormal(100, 300);

        long[] samples = sample(latency, 9);
        assertTrue(
                samples[0] >= 0 && samples[samples.length - 1] <= latency.maxMs(),
                "range " + samples[0] + ".." + samples[samples.length - 1]);
        assertEquals(100.0, mean(samples), 5.0);
        assertEquals(300.0, quantile(samples, 0.99), 25.0);
        // A right-skewed distribution: the median sits below the mean, where the formula puts it.
        assertEquals(latency.medianMs(), median(samples), 3.0);
        assertTrue(latency.medianMs() < 100 && latency.medianMs() > 80, "median " + latency.medianMs());
    }

    @Test
    void narrowLognormalHasItsMedianNearTheMean() {
        long[] samples = sample(Latency.lognormal(200, 260), 10);

        assertEquals(200.0, median(samples), 6.0);
    }

    @Test
    void impossibleDistributionsAreRejectedWithTheReason() {
        assertMessageContains("latencyMs", () -> Latency.fixed(-1));
        assertMessageContains("1.98", () -> new Latency(Latency.Kind.UNIFORM, 100, 300));
        assertMessageContains("p99 above the mean", () -> Latency.lognormal(100, 100));
        assertMessageContains("p99 above the mean", () -> Latency.lognormal(100, 2000));
        assertMessageContains("p99 above the mean", () -> Latency.lognormal(0, 10));
        assertMessageContains("min <= max", () -> Latency.uniform(10, 5));
        assertMessageContains("fixed, uniform or lognormal", () -> Latency.Kind.parse("normal"));
        assertEquals(Latency.Kind.LOGNORMAL, Latency.Kind.parse("lognormal"));
    }

    @Test
    void describeNamesTheShapeAndNumbers() {
        assertEquals("none", Latency.NONE.describe());
        assertEquals("fixed 25 ms", Latency.fixed(25).describe());
        assertTrue(
                Latency.uniform(50, 150).describe().startsWith("uniform 50..150 ms"),
                Latency.uniform(50, 150).describe());
        assertTrue(Latency.lognormal(100, 300).describe().contains("p99 300 ms"));
    }

    private static long[] sample(Latency latency, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] samples = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = latency.sampleMs(random);
        }
        Arrays.sort(samples);
        return samples;
    }

    private static double median(long[] sorted) {
        return quantile(sorted, 0.5);
    }

    private static double quantile(long[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }

    private static double mean(long[] samples) {
        return Arrays.stream(samples).average().orElseThrow();
    }

    private static void assertMessageContains(String expected, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }
}
