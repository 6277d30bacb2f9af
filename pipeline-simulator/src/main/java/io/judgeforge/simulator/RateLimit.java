package io.judgeforge.simulator;

/**
 * Server-side limits of one model over a sliding window, like an OpenAI account's: a minute by
 * default, or shorter, as providers that enforce "60,000 RPM as 1,000 requests a second" do; the
 * window then allows its share of the per-minute numbers.
 *
 * @param rpm requests per minute, 0 for no limit
 * @param tpm tokens per minute, 0 for no limit; a request's tokens are its reply's
 *     {@code usage.total_tokens} (prompt tokens plus the completion tokens actually returned, both by
 *     the simulator's tokenizer)
 * @param windowMillis the sliding window the limits are counted over
 */
public record RateLimit(int rpm, int tpm, long windowMillis) {
    public static final RateLimit NONE = new RateLimit(0, 0);

    public RateLimit(int rpm, int tpm) {
        this(rpm, tpm, SlidingWindow.MINUTE_MILLIS);
    }

    public RateLimit {
        if (windowMillis < 1 || windowMillis > SlidingWindow.MINUTE_MILLIS) {
            throw new IllegalArgumentException("the rate window must be 1 ms to a minute, got " + windowMillis);
        }
        if (rpm < 0) {
            throw new IllegalArgumentException("rpm must be >= 0 (0 = no limit), got " + rpm);
        }
        if (tpm < 0) {
            throw new IllegalArgumentException("tpm must be >= 0 (0 = no limit), got " + tpm);
        }
    }

    public boolean limitsRequests() {
        return rpm > 0;
    }

    public boolean limitsTokens() {
        return tpm > 0;
    }

    public boolean limitsAnything() {
        return limitsRequests() || limitsTokens();
    }

    /** What a window allows of a per-minute limit (at least 1). */
    long perWindow(int perMinute) {
        return Math.max(1, perMinute * windowMillis / SlidingWindow.MINUTE_MILLIS);
    }

    String describe() {
        if (!limitsAnything()) {
            return "none";
        }
        return (limitsRequests() ? rpm + " rpm" : "unlimited rpm") + ", "
                + (limitsTokens() ? tpm + " tpm" : "unlimited tpm")
                + (windowMillis == SlidingWindow.MINUTE_MILLIS ? "" : " counted over " + windowMillis + " ms windows");
    }
}
