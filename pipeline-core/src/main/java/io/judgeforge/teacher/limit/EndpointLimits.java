package io.judgeforge.teacher.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The limits one JVM applies to one endpoint and model: its share of the cluster-wide RPM and TPM,
 * and its adaptive in-flight limit. Shared by every task on the JVM, so the limits hold however
 * many tasks an executor runs.
 */
public final class EndpointLimits {
  private static final Map<String, EndpointLimits> BY_KEY = new ConcurrentHashMap<>();

  public final TokenBucket requests;
  public final TokenBucket tokens;
  public final AdaptiveConcurrency concurrency;

  public EndpointLimits(double rpm, double tpm, int maxInFlight, LongSupplier clockMs) {
    this.requests = new TokenBucket(rpm, clockMs);
    this.tokens = new TokenBucket(tpm, clockMs);
    this.concurrency = new AdaptiveConcurrency(maxInFlight, 1_000, clockMs);
  }

  /** The JVM's limits for {@code endpoint}/{@code model}; built once with the first caller's figures. */
  public static EndpointLimits shared(String endpoint, String model, double rpm, double tpm, int maxInFlight) {
    return BY_KEY.computeIfAbsent(endpoint + "\u0000" + model + "\u0000" + rpm + "\u0000" + tpm + "\u0000" + maxInFlight,
        k -> new EndpointLimits(rpm, tpm, maxInFlight, System::currentTimeMillis));
  }
}
