package io.judgeforge.simulator;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@link RateLimits} per model over a sliding one-minute window of the injected clock, and
 * writes OpenAI's {@code x-ratelimit-*} headers. Only accepted calls are counted: a refused call
 * takes nothing, so a client that waits out {@code Retry-After} is let through.
 */
final class RateLimiter {
    static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";
    static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";
    static final String RESET_REQUESTS = "x-ratelimit-reset-requests";
    static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";
    static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";
    static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

    private final RateLimits limits;
    private final InstantSource clock;
    private final Map<String, ModelWindows> byModel = new ConcurrentHashMap<>();

    RateLimiter(RateLimits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Lets a call of {@code tokens} tokens to {@code model} through, or says why not. */
    RateLimitDecision acquire(String model, long tokens) {
        RateLimit limit = limits.forModel(model);
        if (!limit.limitsAnything()) {
            return RateLimitDecision.UNLIMITED;
        }
        return byModel.computeIfAbsent(model, name -> new ModelWindows(name, limit))
                .acquire(clock.millis(), tokens);
    }

    /**
     * A duration as OpenAI writes it in {@code x-ratelimit-reset-*}: {@code 20ms}, {@code 1s},
     * {@code 8.64s}, {@code 1m0s}.
     */
    static String resetText(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long minutes = millis / 60_000;
        long restMillis = millis % 60_000;
        String seconds = restMillis % 1000 == 0
                ? String.valueOf(restMillis / 1000)
                : String.format(Locale.ROOT, "%.3f", restMillis / 1000.0).replaceAll("0+$", "");
        return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }

    /** The two windows of one model; one lock, so a call is checked and counted in both at once. */
    private static final class ModelWindows {
        private final String model;
        private final SlidingWindow requests;
        private final SlidingWindow tokens;

        ModelWindows(String model, RateLimit limit) {
            this.model = model;
            this.requests = limit.limitsRequests()
                    ? new SlidingWindow(limit.perWindow(limit.rpm()), limit.windowMillis())
                    : null;
            this.tokens =
                    limit.limitsTokens() ? new SlidingWindow(limit.perWindow(limit.tpm()), limit.windowMillis()) : null;
        }

        synchronized RateLimitDecision acquire(long now, long tokenCount) {
            if (tokens != null && tokens.tooLarge(tokenCount)) {
                String message = "Request too large for " + model + " on tokens per min (TPM): Limit " + tokens.limit()
                        + ", Requested " + tokenCount
                        + ". The input or output tokens must be reduced in order to run successfully.";
                return new RateLimitDecision(RateLimitDecision.Verdict.TOO_LARGE, message, 0, headers(now));
            }
            long waitRequests = requests == null ? 0 : requests.millisUntilFits(now, 1);
            long waitTokens = tokens == null ? 0 : tokens.millisUntilFits(now, tokenCount);
            if (waitRequests == 0 && waitTokens == 0) {
                if (requests != null) {
                    requests.take(now, 1);
                }
                if (tokens != null) {
                    tokens.take(now, tokenCount);
                }
                return new RateLimitDecision(RateLimitDecision.Verdict.ACCEPTED, null, 0, headers(now));
            }
            // The longer wait is the one the client must honour, so that limit is the one reported.
            boolean byTokens = waitTokens > waitRequests;
            SlidingWindow window = byTokens ? tokens : requests;
            long wait = Math.max(waitRequests, waitTokens);
            String message = "Rate limit reached for " + model + " on "
                    + (byTokens ? "tokens per min (TPM)" : "requests per min (RPM)") + ": Limit " + window.limit()
                    + ", Used " + window.used(now) + ", Requested " + (byTokens ? tokenCount : 1)
                    + ". Please try again in " + resetText(wait) + ".";
            return new RateLimitDecision(RateLimitDecision.Verdict.LIMITED, message, wait, headers(now));
        }

        /** Headers only for the limits that are set: an unlimited dimension has no numbers to give. */
        private Map<String, String> headers(long now) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (requests != null) {
                headers.put(LIMIT_REQUESTS, String.valueOf(requests.limit()));
                headers.put(REMAINING_REQUESTS, String.valueOf(requests.remaining(now)));
                headers.put(RESET_REQUESTS, resetText(requests.millisUntilReset(now)));
            }
            if (tokens != null) {
                headers.put(LIMIT_TOKENS, String.valueOf(tokens.limit()));
                headers.put(REMAINING_TOKENS, String.valueOf(tokens.remaining(now)));
                headers.put(RESET_TOKENS, resetText(tokens.millisUntilReset(now)));
            }
            return headers;
        }
    }
}
