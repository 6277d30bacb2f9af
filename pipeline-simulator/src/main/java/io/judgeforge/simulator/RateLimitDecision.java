package io.judgeforge.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a model call was let through the rate limits, and the headers that tell the client where
 * it stands.
 *
 * @param verdict accepted, over the limit for now, or too large ever to fit
 * @param message the error message of a refusal, in OpenAI's wording; null when accepted
 * @param retryAfterMillis when a {@link Verdict#LIMITED} call would fit; 0 otherwise
 * @param headers the {@code x-ratelimit-*} headers, in order; empty when the model has no limits
 */
record RateLimitDecision(Verdict verdict, String message, long retryAfterMillis, Map<String, String> headers) {
    static final RateLimitDecision UNLIMITED = new RateLimitDecision(Verdict.ACCEPTED, null, 0, Map.of());

    enum Verdict {
        ACCEPTED,
        /** Over a limit now; fits after {@code retryAfterMillis}. */
        LIMITED,
        /** Needs more tokens than the per-minute limit, so retrying cannot help. */
        TOO_LARGE
    }

    RateLimitDecision {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    /** {@code Retry-After} in whole seconds, rounded up so a client that honours it is never early. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfterMillis + 999) / 1000);
    }
}
