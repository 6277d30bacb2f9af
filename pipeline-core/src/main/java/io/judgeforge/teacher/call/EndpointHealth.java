package io.judgeforge.teacher.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this JVM has learnt about an endpoint and model that stops every request to it: a fatal
 * answer (bad key, unknown model, spent quota, rejected parameter), or the same HTTP 400 again and
 * again with no success between. Once dead, no further request is sent from this JVM: the tasks
 * still running fail fast with the same line while the run stops.
 */
public final class EndpointHealth {
  private static final Map<String, EndpointHealth> BY_KEY = new ConcurrentHashMap<>();

  private final int identicalLimit;
  private volatile String deadReason;
  private String lastErrorKey;
  private int identicalInARow;

  EndpointHealth(int identicalLimit) {
    this.identicalLimit = identicalLimit;
  }

  public static EndpointHealth of(String endpoint, String baseUrl, String model, int identicalLimit) {
    return BY_KEY.computeIfAbsent(endpoint + "\u0000" + baseUrl + "\u0000" + model,
        k -> new EndpointHealth(identicalLimit));
  }

  /** Null while requests may go; else why none may. */
  public String deadReason() {
    return deadReason;
  }

  public void kill(String reason) {
    if (deadReason == null) {
      deadReason = reason;
    }
  }

  /** A request ended well, or with a failure that is not a 400: the run of identical 400s is broken. */
  public synchronized void healthy() {
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
