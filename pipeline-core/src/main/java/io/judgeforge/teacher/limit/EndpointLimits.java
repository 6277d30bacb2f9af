package io.judgeforge.teacher.limit;

import io.judgeforge.config.PipelineConfig.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The limits one JVM applies to one endpoint and model: its share of the cluster-wide RPM and TPM,
 * its adaptive in-flight limit, and its circuit breaker. Shared by every task on the JVM, so the limits hold however
 * many tasks an executor runs.
 */
public final class EndpointLimits {
  private static final Map<String, EndpointLimits> BY_KEY = new ConcurrentHashMap<>();

  public final TokenBucket requests;
  public final TokenBucket tokens;
  public final AdaptiveConcurrency concurrency;
  public final CircuitBreaker breaker;
  private final LongSupplier clockMs;
  private volatile long pausedUntil;

  public EndpointLimits(Endpoint endpoint, LongSupplier clockMs) {
    this.requests = new TokenBucket(endpoint.rpm(), clockMs);
    this.tokens = new TokenBucket(endpoint.tpm(), clockMs);
    this.concurrency = new AdaptiveConcurrency(endpoint.maxInFlight(), 1_000, clockMs);
    this.clockMs = clockMs;
    this.breaker = new CircuitBreaker(endpoint.breakerWindow(), endpoint.breakerFailureShare(), endpoint.breakerMinMs(),
        clockMs);
  }

  /** The server said its budget is spent for {@code ms}: no request of this JVM starts before then. */
  public void pauseFor(long ms) {
    long until = clockMs.getAsLong() + ms;
    synchronized (this) {
      pausedUntil = Math.max(pausedUntil, until);
    }
  }

  /** Milliseconds left of a pause the server asked for. */
  public long pauseLeft() {
    return Math.max(0, pausedUntil - clockMs.getAsLong());
  }

  /** The JVM's limits for {@code endpoint}/{@code model}, built once per distinct endpoint setting. */
  public static EndpointLimits shared(String name, Endpoint endpoint, String model) {
    return BY_KEY.computeIfAbsent(name + "\u0000" + model + "\u0000" + endpoint,
        k -> new EndpointLimits(endpoint, System::currentTimeMillis));
  }
}
