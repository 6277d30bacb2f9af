package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often each fault is injected into model calls ({@code /v1/chat/completions} and
 * {@code /v1/completions}); other paths are never faulted. Each rate is the chance, in [0, 1], that
 * the fault is drawn for one attempt of a request, independently of the others. When several that
 * replace the reply are drawn at once the first in {@link FaultKind} order wins, so with several
 * rates set a later kind is seen a little less often than its rate.
 */
public final class Faults {
    /** Long enough to outlast the short timeouts tests give their clients. */
    public static final int DEFAULT_SLOW_MS = 5_000;

    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, DEFAULT_SLOW_MS);

    private final Map<FaultKind, Double> rates;
    private final int slowMs;
    private final BatchFaults batch;

    /**
     * The first six kinds' rates; the later kinds' are 0 (set them with {@link #with}).
     *
     * @param http500 rate of 500 replies
     * @param http503 rate of 503 replies
     * @param http429 rate of random 429 replies (not caused by the rate limits)
     * @param malformedJson rate of 200 replies whose body is not JSON
     * @param truncated rate of chat replies cut short with {@code finish_reason: "length"}
     * @param slowRate rate of requests delayed by an extra {@code slowMs}
     * @param slowMs the extra delay of a slow request
     */
    public Faults(
            double http500,
            double http503,
            double http429,
            double malformedJson,
            double truncated,
            double slowRate,
            int slowMs) {
        this(rates(http500, http503, http429, malformedJson, truncated, slowRate), slowMs, BatchFaults.NONE);
    }

    private Faults(Map<FaultKind, Double> rates, int slowMs, BatchFaults batch) {
        Map<FaultKind, Double> copy = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            double rate = rates.getOrDefault(kind, 0.0);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(
                        "faults." + fieldName(kind) + " must be a rate in [0, 1], got " + rate);
            }
            copy.put(kind, rate);
        }
        if (slowMs < 0) {
            throw new IllegalArgumentException("faults.slowMs must be >= 0, got " + slowMs);
        }
        this.rates = Collections.unmodifiableMap(copy);
        this.slowMs = slowMs;
        this.batch = Objects.requireNonNull(batch, "batch");
    }

    /** The name a rate had when each of the first six kinds was a field of its own. */
    private static String fieldName(FaultKind kind) {
        return switch (kind) {
            case MALFORMED_JSON -> "malformedJson";
            case SLOW -> "slowRate";
            default -> kind.key();
        };
    }

    private static Map<FaultKind, Double> rates(
            double http500, double http503, double http429, double malformedJson, double truncated, double slowRate) {
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        rates.put(FaultKind.HTTP_500, http500);
        rates.put(FaultKind.HTTP_503, http503);
        rates.put(FaultKind.HTTP_429, http429);
        rates.put(FaultKind.MALFORMED_JSON, malformedJson);
        rates.put(FaultKind.TRUNCATED, truncated);
        rates.put(FaultKind.SLOW, slowRate);
        return rates;
    }

    public double http500() {
        return rate(FaultKind.HTTP_500);
    }

    public double http503() {
        return rate(FaultKind.HTTP_503);
    }

    public double http429() {
        return rate(FaultKind.HTTP_429);
    }

    public double malformedJson() {
        return rate(FaultKind.MALFORMED_JSON);
    }

    public double truncated() {
        return rate(FaultKind.TRUNCATED);
    }

    public double slowRate() {
        return rate(FaultKind.SLOW);
    }

    public int slowMs() {
        return slowMs;
    }

    /** The rate of one kind. */
    public double rate(FaultKind kind) {
        return rates.get(kind);
    }

    /** These faults with one kind's rate changed. */
    public Faults with(FaultKind kind, double rate) {
        Map<FaultKind, Double> changed = new EnumMap<>(rates);
        changed.put(kind, rate);
        return new Faults(changed, slowMs, batch);
    }

    public Faults withSlowMs(int newSlowMs) {
        return new Faults(rates, newSlowMs, batch);
    }

    /** The batch API's faults (none by default). */
    public BatchFaults batch() {
        return batch;
    }

    public Faults withBatch(BatchFaults newBatch) {
        return new Faults(rates, slowMs, newBatch);
    }

    public boolean injectsAnything() {
        return rates.values().stream().anyMatch(rate -> rate > 0) || !batch.equals(BatchFaults.NONE);
    }

    /**
     * Draws the faults of one attempt. One number is drawn for every kind, set or not, always in the
     * same order: changing one rate then never changes which requests get another kind.
     */
    FaultDraw draw(RandomGenerator random) {
        FaultKind reply = null;
        boolean slow = false;
        for (FaultKind kind : FaultKind.values()) {
            boolean drawn = random.nextDouble() < rate(kind);
            if (kind == FaultKind.SLOW) {
                slow = drawn;
            } else if (drawn && reply == null) {
                reply = kind;
            }
        }
        return new FaultDraw(reply, slow);
    }

    String describe() {
        if (!injectsAnything()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!batch.equals(BatchFaults.NONE)) {
            parts.add(batch.describe());
        }
        for (FaultKind kind : FaultKind.values()) {
            if (rate(kind) > 0) {
                String part = kind.key() + " " + String.format(Locale.ROOT, "%.3g", rate(kind));
                parts.add(kind == FaultKind.SLOW ? part + " (+" + slowMs + " ms)" : part);
            }
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Faults that
                && rates.equals(that.rates)
                && slowMs == that.slowMs
                && batch.equals(that.batch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rates, slowMs, batch);
    }

    @Override
    public String toString() {
        return "Faults[" + describe() + ", slowMs=" + slowMs + "]";
    }

    /**
     * The faults drawn for one attempt.
     *
     * @param reply the fault that replaces the reply, or null for the normal reply
     * @param slow whether the reply is delayed by {@code slowMs}
     */
    record FaultDraw(FaultKind reply, boolean slow) {
        static final FaultDraw NONE = new FaultDraw(null, false);

        /** What a trigger model always gets: its one kind. */
        static FaultDraw only(FaultKind kind) {
            return kind == FaultKind.SLOW ? new FaultDraw(null, true) : new FaultDraw(kind, false);
        }
    }
}
