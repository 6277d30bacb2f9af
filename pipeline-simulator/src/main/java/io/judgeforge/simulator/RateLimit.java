package io.judgeforge.simulator;

/**
 * Server-side limits of one model over a sliding one-minute window, like an OpenAI account's.
 *
 * @param rpm requests per minute, 0 for no limit
 * @param tpm tokens per minute, 0 for no limit; a request's tokens are its reply's
 *     {@code usage.total_tokens} (prompt tokens plus the completion tokens actually returned, both by
 *     the simulator's tokenizer)
 */
public record RateLimit(int rpm, int tpm) {
  public static final RateLimit NONE = new RateLimit(0, 0);

  public RateLimit {
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

  String describe() {
    if (!limitsAnything()) {
      return "none";
    }
    return (limitsRequests() ? rpm + " rpm" : "unlimited rpm") + ", " + (limitsTokens() ? tpm + " tpm" : "unlimited tpm");
  }
}
