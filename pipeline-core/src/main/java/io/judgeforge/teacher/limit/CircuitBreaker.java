package io.judgeforge.teacher.limit;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Ends a sustained storm of 429s and 5xx from one endpoint and model with a clear outcome instead
 * of a run that retries for hours: it opens when at least {@code failureShare} of the last
 * {@code window} attempts failed and failures have gone on for {@code minMs}. Once open it stays
 * open in this JVM; the items it refuses are quarantined as {@code circuit_open}, and the run's
 * quarantine guard stops the run with everything done so far kept (and stored for the rerun).
 *
 * <p>NeMo Data Designer's engine once stalled for minutes making no records because 429s did not
 * count towards its error shutdown; here they count.
 */
public final class CircuitBreaker {
  private final int window;
  private final double failureShare;
  private final long minMs;
  private final LongSupplier clockMs;
  private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
  private int failures;
  private long failingSince = -1;
  private volatile String openReason;

  public CircuitBreaker(int window, double failureShare, long minMs, LongSupplier clockMs) {
    this.window = window;
    this.failureShare = failureShare;
    this.minMs = minMs;
    this.clockMs = clockMs;
  }

  /** Null while closed; else why it opened. */
  public String openReason() {
    return openReason;
  }

  public synchronized void record(boolean failed) {
    long now = clockMs.getAsLong();
    recent.addLast(failed);
    failures += failed ? 1 : 0;
    if (recent.size() > window) {
      failures -= recent.removeFirst() ? 1 : 0;
    }
    if (!failed) {
      failingSince = -1;
      return;
    }
    if (failingSince < 0) {
      failingSince = now;
    }
    if (openReason == null && recent.size() >= window && failures >= failureShare * window && now - failingSince >= minMs) {
      openReason = String.format("circuit open: %d of the last %d attempts failed (429, 5xx or I/O) over %d s",
          failures, recent.size(), (now - failingSince) / 1000);
    }
  }
}
