package io.judgeforge.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of one simulator instance. {@link #defaults()} serves without delay, limits or
 * faults; the other settings make it behave like a loaded production API, to exercise clients.
 *
 * @param seed root of every pseudo-random choice, so two servers with the same seed answer alike
 * @param models model name to strength in [0, 1]; strength drives how good that model's answers are
 * @param latency delay added to every request, to exercise client timeouts and concurrency
 * @param threads HTTP worker threads; Spark executors may call the simulator concurrently
 * @param rateLimits server-side requests- and tokens-per-minute limits, per model, answered with 429
 * @param faults rates of injected failures of model calls
 * @param realism the public APIs' wire formats and errors; {@link Realism#OFF} for none
 */
public record SimulatorSettings(
        long seed,
        Map<String, Double> models,
        Latency latency,
        int threads,
        RateLimits rateLimits,
        Faults faults,
        Realism realism) {

    public static final int DEFAULT_LATENCY_MS = 0;
    public static final int DEFAULT_THREADS = 16;

    public SimulatorSettings {
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("models must name at least one model");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : models.entrySet()) {
            String name = entry.getKey();
            Double strength = entry.getValue();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("models must not contain a blank model name");
            }
            if (strength == null || !(strength >= 0.0 && strength <= 1.0)) {
                throw new IllegalArgumentException(
                        "models: strength of model '" + name + "' must be in [0, 1], got " + strength);
            }
            copy.put(name, strength);
        }
        // Insertion order is kept so /v1/models lists models in the order they were configured.
        models = Collections.unmodifiableMap(copy);
        if (latency == null) {
            throw new IllegalArgumentException("latency must be given (Latency.NONE for no delay)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (rateLimits == null) {
            throw new IllegalArgumentException("rateLimits must be given (RateLimits.NONE for no limits)");
        }
        if (faults == null) {
            throw new IllegalArgumentException("faults must be given (Faults.NONE for no faults)");
        }
        if (realism == null) {
            throw new IllegalArgumentException("realism must be given (Realism.OFF for none)");
        }
    }

    /** Settings without realism. */
    public SimulatorSettings(
            long seed, Map<String, Double> models, Latency latency, int threads, RateLimits rateLimits, Faults faults) {
        this(seed, models, latency, threads, rateLimits, faults, Realism.OFF);
    }

    /** A fixed latency, no rate limits and no faults: the settings before latency distributions existed. */
    public SimulatorSettings(long seed, Map<String, Double> models, int latencyMs, int threads) {
        this(seed, models, Latency.fixed(latencyMs), threads, RateLimits.NONE, Faults.NONE);
    }

    /** Settings with the default latency and thread count. */
    public SimulatorSettings(long seed, Map<String, Double> models) {
        this(seed, models, DEFAULT_LATENCY_MS, DEFAULT_THREADS);
    }

    /** Seed 42 and a ladder of models from weak to strong, plus a mid-strength scorer. */
    public static SimulatorSettings defaults() {
        Map<String, Double> models = new LinkedHashMap<>();
        models.put("sim-6b", 0.25);
        models.put("sim-13b", 0.4);
        models.put("sim-34b", 0.55);
        models.put("sim-72b", 0.7);
        models.put("sim-gpt-3.5", 0.8);
        models.put("sim-gpt-4", 0.95);
        models.put("sim-scorer", 0.5);
        return new SimulatorSettings(42L, models);
    }

    /** The mean latency in whole milliseconds: for a fixed latency, the latency itself. */
    public int latencyMs() {
        return (int) Math.round(latency.meanMs());
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(newSeed, models, latency, threads, rateLimits, faults, realism);
    }

    /** A fixed latency of {@code newLatencyMs}, replacing any distribution. */
    public SimulatorSettings withLatencyMs(int newLatencyMs) {
        return withLatency(Latency.fixed(newLatencyMs));
    }

    public SimulatorSettings withLatency(Latency newLatency) {
        return new SimulatorSettings(seed, models, newLatency, threads, rateLimits, faults, realism);
    }

    public SimulatorSettings withThreads(int newThreads) {
        return new SimulatorSettings(seed, models, latency, newThreads, rateLimits, faults, realism);
    }

    public SimulatorSettings withRateLimits(RateLimits newRateLimits) {
        return new SimulatorSettings(seed, models, latency, threads, newRateLimits, faults, realism);
    }

    public SimulatorSettings withFaults(Faults newFaults) {
        return new SimulatorSettings(seed, models, latency, threads, rateLimits, newFaults, realism);
    }

    /**
     * These settings with {@code newRealism}. Its reasoning models are added to the models served,
     * unless one of the configured models already has the prefix: {@code PREFIX3} (strength 0.9) and
     * {@code PREFIX4-mini} (0.75), e.g. {@code sim-o3} and {@code sim-o4-mini}.
     */
    public SimulatorSettings withRealism(Realism newRealism) {
        Map<String, Double> served = new LinkedHashMap<>(models);
        String prefix = newRealism.reasoningPrefix();
        if (!prefix.isEmpty() && served.keySet().stream().noneMatch(name -> name.startsWith(prefix))) {
            served.put(prefix + "3", 0.9);
            served.put(prefix + "4-mini", 0.75);
        }
        return new SimulatorSettings(seed, served, latency, threads, rateLimits, faults, newRealism);
    }

    /** One line naming everything that shapes how the simulator serves, for start-up logs. */
    public String describe() {
        String line = "seed " + seed + ", " + threads + " threads, latency " + latency.describe() + ", rate limits "
                + rateLimits.describe() + ", faults " + faults.describe();
        return realism.equals(Realism.OFF) ? line : line + ", realism: " + realism.describe();
    }

    /** Strength of a configured model, or null when the simulator does not serve that model. */
    Double strengthOf(String model) {
        return models.get(model);
    }
}
