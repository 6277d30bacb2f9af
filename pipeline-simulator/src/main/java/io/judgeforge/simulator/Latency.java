package io.judgeforge.simulator;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The delay the simulator adds before answering a request, as a distribution sampled per request.
 * Every kind is described by the same two numbers, the mean and the 99th percentile, so one pair of
 * flags configures any of them and the mean (which sets throughput) means the same thing in each.
 *
 * @param kind the shape of the distribution
 * @param meanMs the mean delay; for {@link Kind#FIXED} the delay itself
 * @param p99Ms the 99th percentile; equal to the mean for {@link Kind#FIXED}
 */
public record Latency(Kind kind, double meanMs, double p99Ms) {

    /** The shapes a latency can have. */
    public enum Kind {
        /** Always the mean. */
        FIXED,
        /** Uniform on a range centred on the mean, as wide as the p99 requires. */
        UNIFORM,
        /** Log-normal with the given mean and p99: mostly quick, with the long right tail real APIs have. */
        LOGNORMAL;

        /** Parses the lower-case names the command line uses ({@code fixed}, {@code uniform}, {@code lognormal}). */
        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("latency kind must be fixed, uniform or lognormal, got '" + name + "'");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The 99% quantile of the standard normal distribution. */
    static final double Z_99 = 2.3263478740408408;

    /**
     * A log-normal sample is capped at this multiple of the p99: the tail is unbounded in theory, and
     * one draw of minutes would stall a test for nothing. The cap moves the mean by far less than 0.1%.
     */
    static final double LOGNORMAL_CAP_OVER_P99 = 10.0;

    /** No delay at all: the default. */
    public static final Latency NONE = new Latency(Kind.FIXED, 0, 0);

    public Latency {
        if (kind == null) {
            throw new IllegalArgumentException("latency kind must be given");
        }
        if (!(meanMs >= 0) || Double.isInfinite(meanMs)) {
            throw new IllegalArgumentException("latencyMs must be >= 0, got " + format(meanMs));
        }
        switch (kind) {
            case FIXED -> p99Ms = meanMs;
            case UNIFORM -> {
                // A uniform range centred on the mean reaches its p99 at mean + 0.98 * half-width; the range
                // must not start below zero.
                if (!(p99Ms >= meanMs && p99Ms <= meanMs * 1.98)) {
                    throw new IllegalArgumentException("uniform latency with mean " + format(meanMs)
                            + " ms needs a p99 from the mean to 1.98 x the mean"
                            + " (a wider range would start below 0 ms), got p99 " + format(p99Ms) + " ms");
                }
            }
            case LOGNORMAL -> {
                // Only p99/mean in (1, e^(z^2/2)] ~ (1, 14.97] is reachable by a log-normal with that mean.
                if (!(meanMs > 0 && p99Ms > meanMs && Math.log(p99Ms / meanMs) <= Z_99 * Z_99 / 2)) {
                    throw new IllegalArgumentException(
                            "lognormal latency needs a mean > 0 ms and a p99 above the mean and at most "
                                    + format(Math.exp(Z_99 * Z_99 / 2)) + " x the mean, got mean " + format(meanMs)
                                    + " ms, p99 "
                                    + format(p99Ms) + " ms");
                }
            }
        }
    }

    public static Latency fixed(int latencyMs) {
        return new Latency(Kind.FIXED, latencyMs, latencyMs);
    }

    /** Uniform on [minMs, maxMs]. */
    public static Latency uniform(double minMs, double maxMs) {
        if (!(minMs >= 0 && maxMs >= minMs)) {
            throw new IllegalArgumentException(
                    "uniform latency needs 0 <= min <= max, got " + format(minMs) + ".." + format(maxMs) + " ms");
        }
        return new Latency(Kind.UNIFORM, (minMs + maxMs) / 2, minMs + 0.99 * (maxMs - minMs));
    }

    public static Latency lognormal(double meanMs, double p99Ms) {
        return new Latency(Kind.LOGNORMAL, meanMs, p99Ms);
    }

    /** True when the delay varies from request to request, so each needs its own random draw. */
    public boolean varies() {
        return kind != Kind.FIXED;
    }

    /** The smallest delay a sample can have. */
    public double minMs() {
        return switch (kind) {
            case FIXED -> meanMs;
            case UNIFORM -> meanMs - uniformHalfWidth();
            case LOGNORMAL -> 0;
        };
    }

    /** The largest delay a sample can have (for log-normal, the cap). */
    public double maxMs() {
        return switch (kind) {
            case FIXED -> meanMs;
            case UNIFORM -> meanMs + uniformHalfWidth();
            case LOGNORMAL -> p99Ms * LOGNORMAL_CAP_OVER_P99;
        };
    }

    /** The median: the mean for the symmetric kinds, below it for log-normal. */
    public double medianMs() {
        return kind == Kind.LOGNORMAL ? Math.exp(logMean()) : meanMs;
    }

    /** One delay, in whole milliseconds. */
    public long sampleMs(RandomGenerator random) {
        double ms = switch (kind) {
            case FIXED -> meanMs;
            case UNIFORM -> minMs() + random.nextDouble() * (maxMs() - minMs());
            case LOGNORMAL -> Math.min(maxMs(), Math.exp(logMean() + logSigma() * random.nextGaussian()));
        };
        return Math.round(ms);
    }

    /** One line for logs and the command line, e.g. {@code lognormal (mean 200 ms, p99 900 ms)}. */
    public String describe() {
        return switch (kind) {
            case FIXED -> meanMs == 0 ? "none" : "fixed " + format(meanMs) + " ms";
            case UNIFORM ->
                "uniform " + format(minMs()) + ".." + format(maxMs()) + " ms (mean " + format(meanMs) + " ms, p99 "
                        + format(p99Ms) + " ms)";
            case LOGNORMAL ->
                "lognormal (mean " + format(meanMs) + " ms, p99 " + format(p99Ms) + " ms, median " + format(medianMs())
                        + " ms, capped at " + format(maxMs()) + " ms)";
        };
    }

    private double uniformHalfWidth() {
        return (p99Ms - meanMs) / 0.98;
    }

    /**
     * sigma of the underlying normal, from mean = exp(mu + sigma^2/2) and p99 = exp(mu + z*sigma):
     * sigma^2/2 - z*sigma + ln(p99/mean) = 0; the smaller root is the one whose p99 is above the mean.
     */
    private double logSigma() {
        return Z_99 - Math.sqrt(Z_99 * Z_99 - 2 * Math.log(p99Ms / meanMs));
    }

    /** mu of the underlying normal. */
    private double logMean() {
        double sigma = logSigma();
        return Math.log(meanMs) - sigma * sigma / 2;
    }

    private static String format(double ms) {
        return ms == Math.rint(ms) && Math.abs(ms) < 1e15
                ? String.valueOf((long) ms)
                : String.format(Locale.ROOT, "%.1f", ms);
    }
}
