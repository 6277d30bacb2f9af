package io.judgeforge.teacher;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many attempts a request gets and how long to wait between them when the server gives no
 * wait of its own: exponential backoff from {@code baseDelayMs} to {@code maxDelayMs} with up to
 * 25% jitter, as openai-java does. Which answers are retried is the error mapper's rule
 * ({@link io.judgeforge.teacher.http.ErrorMapper}); the server's {@code retry-after-ms} and
 * {@code Retry-After} come first when present ({@link io.judgeforge.teacher.http.ServerHints}).
 */
public record RetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs) implements Serializable {
    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, 500, 8_000);
    }

    /** Milliseconds to wait before attempt {@code attempt + 1}. */
    public long delayMs(int attempt) {
        long exp = Math.min(maxDelayMs, baseDelayMs << Math.min(attempt - 1, 20));
        long jitter = (long) (exp * 0.25 * ThreadLocalRandom.current().nextDouble());
        return exp - jitter;
    }
}
