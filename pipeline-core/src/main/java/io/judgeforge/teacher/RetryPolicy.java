package io.judgeforge.teacher;

import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to retry a teacher call and how long to wait: 429, 5xx and I/O errors are retried up to
 * {@code maxAttempts} attempts in all; the wait honours {@code Retry-After} (seconds) and otherwise
 * backs off exponentially from {@code baseDelayMs} to {@code maxDelayMs} with up to 25% jitter.
 */
public record RetryPolicy(int maxAttempts, long baseDelayMs, long maxDelayMs) implements Serializable {
  public static RetryPolicy of(int maxAttempts) {
    return new RetryPolicy(maxAttempts, 500, 8_000);
  }

  public static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /** Milliseconds to wait before attempt {@code attempt + 1}, given the failed attempt's Retry-After header. */
  public long delayMs(int attempt, String retryAfter) {
    if (retryAfter != null) {
      try {
        double seconds = Double.parseDouble(retryAfter.trim());
        if (seconds >= 0) {
          return Math.min((long) (seconds * 1000), 60_000);
        }
      } catch (NumberFormatException ignored) {
        // An HTTP-date Retry-After falls back to the exponential schedule.
      }
    }
    long exp = Math.min(maxDelayMs, baseDelayMs << Math.min(attempt - 1, 20));
    long jitter = (long) (exp * 0.25 * ThreadLocalRandom.current().nextDouble());
    return exp - jitter;
  }
}
