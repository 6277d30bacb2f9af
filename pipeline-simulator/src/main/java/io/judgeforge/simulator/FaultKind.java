package io.judgeforge.simulator;

/**
 * The failures the simulator can inject into a model call, in the order they take precedence when
 * several are drawn for the same request (a request gets at most one of the first five).
 */
public enum FaultKind {
  /** 429 in OpenAI's shape with {@code Retry-After: 1}, as if another client had used the quota. */
  HTTP_429("http429"),
  /** 503, as when the API is overloaded. */
  HTTP_503("http503"),
  /** 500 with an OpenAI error body. */
  HTTP_500("http500"),
  /** 200 whose body is cut in the middle, so it is not JSON: a dropped connection behind a proxy. */
  MALFORMED_JSON("malformed_json"),
  /** 200 with a valid chat completion whose content is cut and {@code finish_reason: "length"}. */
  TRUNCATED("truncated"),
  /** An extra delay, meant to outlast a client's timeout; the reply after it is the normal one. */
  SLOW("slow");

  private final String key;

  FaultKind(String key) {
    this.key = key;
  }

  /** The key in the {@code faults} object of {@code /sim/stats}. */
  public String key() {
    return key;
  }
}
