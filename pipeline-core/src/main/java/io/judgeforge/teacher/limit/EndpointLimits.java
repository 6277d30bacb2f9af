package io.judgeforge.teacher.limit;

import io.judgeforge.config.PipelineConfig.Endpoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The limits one JVM applies to one endpoint and model on its own: its adaptive in-flight limit and
 * its circuit breaker, shared by every task on the JVM. The application-wide RPM, TPM and pauses
 * are {@link SharedLimits}'.
 */
public final class EndpointLimits {
    private static final Map<String, EndpointLimits> BY_KEY = new ConcurrentHashMap<>();

    public final AdaptiveConcurrency concurrency;
    public final CircuitBreaker breaker;

    public EndpointLimits(Endpoint endpoint, LongSupplier clockMs) {
        this.concurrency = new AdaptiveConcurrency(endpoint.maxInFlight(), 1_000, clockMs);
        this.breaker = new CircuitBreaker(
                endpoint.breakerWindow(), endpoint.breakerFailureShare(), endpoint.breakerMinMs(), clockMs);
    }

    /** The JVM's limits for {@code endpoint}/{@code model}, built once per distinct endpoint setting. */
    public static EndpointLimits shared(String name, Endpoint endpoint, String model) {
        return BY_KEY.computeIfAbsent(
                name + "\u0000" + model + "\u0000" + endpoint,
                k -> new EndpointLimits(endpoint, System::currentTimeMillis));
    }
}
