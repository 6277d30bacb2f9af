package io.judgeforge.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rate limits of every model. Each model has its own windows, as on OpenAI, where a busy
 * teacher model does not use up the judge model's quota.
 *
 * @param everyModel the limit of a model not named in {@code byModel}
 * @param byModel per-model limits that replace {@code everyModel}
 */
public record RateLimits(RateLimit everyModel, Map<String, RateLimit> byModel) {
    public static final RateLimits NONE = new RateLimits(RateLimit.NONE, Map.of());

    public RateLimits {
        if (everyModel == null) {
            throw new IllegalArgumentException("rateLimits.everyModel must be given (RateLimit.NONE for no limit)");
        }
        if (byModel == null) {
            byModel = Map.of();
        }
        Map<String, RateLimit> copy = new LinkedHashMap<>();
        byModel.forEach((model, limit) -> {
            if (model == null || limit == null) {
                throw new IllegalArgumentException("rateLimits.byModel must not hold null models or limits");
            }
            copy.put(model, limit);
        });
        byModel = Collections.unmodifiableMap(copy);
    }

    /** The same limit for every model. */
    public static RateLimits everyModel(int rpm, int tpm) {
        return new RateLimits(new RateLimit(rpm, tpm), Map.of());
    }

    /** The same limit for every model, counted over windows of {@code windowMillis}. */
    public static RateLimits everyModel(int rpm, int tpm, long windowMillis) {
        return new RateLimits(new RateLimit(rpm, tpm, windowMillis), Map.of());
    }

    /** These limits with {@code model} given its own. */
    public RateLimits withModel(String model, RateLimit limit) {
        Map<String, RateLimit> copy = new LinkedHashMap<>(byModel);
        copy.put(model, limit);
        return new RateLimits(everyModel, copy);
    }

    public RateLimit forModel(String model) {
        return byModel.getOrDefault(model, everyModel);
    }

    public boolean limitsAnything() {
        return everyModel.limitsAnything() || byModel.values().stream().anyMatch(RateLimit::limitsAnything);
    }

    String describe() {
        if (!limitsAnything()) {
            return "none";
        }
        String text = everyModel.describe() + " per model";
        if (!byModel.isEmpty()) {
            text += byModel.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue().describe())
                    .collect(Collectors.joining("; ", " (", ")"));
        }
        return text;
    }
}
