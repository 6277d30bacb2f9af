package io.judgeforge.teacher.call;

import io.judgeforge.teacher.CallOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this JVM has learnt about an endpoint that stops every request to it: a fatal answer, or
 * the same HTTP 400 again and again with no success between. A bad key or a spent quota stops the
 * whole endpoint ({@link #ofEndpoint}); an unknown model or a rejected parameter stops that model
 * ({@link #ofModel}). Once stopped, no further request is sent from this JVM: the tasks still
 * running fail fast with the same outcome and line while the run stops.
 */
public final class EndpointHealth {
    private static final Map<String, EndpointHealth> BY_KEY = new ConcurrentHashMap<>();

    /** Why requests stop: the fatal outcome and the server's line. */
    public record Stop(CallOutcome outcome, String error) {}

    private final int identicalLimit;
    private volatile Stop stop;
    private String lastErrorKey;
    private int identicalInARow;

    EndpointHealth(int identicalLimit) {
        this.identicalLimit = identicalLimit;
    }

    public static EndpointHealth ofEndpoint(String endpoint, String baseUrl) {
        return BY_KEY.computeIfAbsent(endpoint + "\u0000" + baseUrl, k -> new EndpointHealth(0));
    }

    public static EndpointHealth ofModel(String endpoint, String baseUrl, String model, int identicalLimit) {
        return BY_KEY.computeIfAbsent(
                endpoint + "\u0000" + baseUrl + "\u0000" + model, k -> new EndpointHealth(identicalLimit));
    }

    /** Null while requests may go; else why none may. */
    public Stop stop() {
        return stop;
    }

    public void stop(CallOutcome outcome, String error) {
        if (stop == null) {
            stop = new Stop(outcome, error);
        }
    }

    /** A request got a 2xx: the run of identical 400s is broken. */
    public synchronized void answered() {
        lastErrorKey = null;
        identicalInARow = 0;
    }

    /** A request ended in a 400; returns true when it is the limit-th identical one in a row. */
    public synchronized boolean badRequest(String errorKey) {
        if (errorKey != null && errorKey.equals(lastErrorKey)) {
            identicalInARow++;
        } else {
            lastErrorKey = errorKey;
            identicalInARow = 1;
        }
        return identicalLimit > 0 && identicalInARow >= identicalLimit;
    }
}
