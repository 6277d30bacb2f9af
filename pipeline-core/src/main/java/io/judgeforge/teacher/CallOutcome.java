package io.judgeforge.teacher;

/**
 * What became of one teacher call, recorded as data with every result. Only {@link #OK} carries a
 * usable answer; every other outcome sends the item to quarantine with this outcome as its reason.
 */
public enum CallOutcome {
  OK,
  /** HTTP 429 on every attempt. */
  RATE_LIMITED,
  /** 5xx, timeout or connection failure on every attempt. */
  TRANSIENT,
  /** 4xx other than 429: the request itself is wrong, so it is not retried. */
  BAD_REQUEST,
  /** HTTP 400 saying the prompt exceeds the model's maximum context length; not retried. The score stage filters it as too_long. */
  CONTEXT_TOO_LONG,
  /** {@code finish_reason: length}: the answer was cut at the token limit. */
  TRUNCATED,
  /** {@code finish_reason: content_filter}. */
  CONTENT_FILTERED,
  /** A 200 whose body, or whose text, has not the expected shape. */
  PARSE_FAILED,
  /** Not sent: the endpoint's circuit breaker opened after a sustained storm of 429s or 5xx. */
  CIRCUIT_OPEN,
  /** Not sent: the run's budget (budget.max-usd, budget.max-tokens) is spent. The item is filtered, not quarantined. */
  BUDGET_EXHAUSTED;

  public String code() {
    return name().toLowerCase();
  }
}
