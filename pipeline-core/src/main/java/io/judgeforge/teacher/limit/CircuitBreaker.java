package io.judgeforge.teacher.limit;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Ends a sustained storm of 429s and 5xx from one endpoint and model with a clear outcome instead
 * of a run that retries for hours: it opens when at least {@code failureShare} of the last
 * {@code window} attempts failed and failures have gone on for {@code minMs}. While open, calls
 * fail fast; the items it refuses are quarantined as {@code circuit_open}, and the run's quarantine
 * guard stops the run if too many are. After a cooldown open ({@code minMs}, at least 30 s) it
 * lets one probe through (half-open): a probe that does not fail from the server's side closes it,
 * one that does opens it for another cooldown.
 *
 * <p>NeMo Data Designer's engine once stalled for minutes making no records because 429s did not
 * count towards its error shutdown; here they count.
 */
public final class CircuitBreaker {
    private final int window;
    private final double failureShare;
    private final long minMs;
    private final long cooldownMs;
    private final LongSupplier clockMs;
    private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    private int failures;
    private long failingSince = -1;
    private String openReason;
    private long openedAt;
    private long probeSince = -1;

    public CircuitBreaker(int window, double failureShare, long minMs, LongSupplier clockMs) {
        this(window, failureShare, minMs, Math.max(minMs, 30_000), clockMs);
    }

    public CircuitBreaker(int window, double failureShare, long minMs, long cooldownMs, LongSupplier clockMs) {
        this.window = window;
        this.failureShare = failureShare;
        this.minMs = minMs;
        this.cooldownMs = cooldownMs;
        this.clockMs = clockMs;
    }

    /** Null while closed; else why it is open (a half-open breaker waiting on its probe is open to others). */
    public synchronized String openReason() {
        return openReason;
    }

    /**
     * May a call go now? Null when it may: the breaker is closed, or this call is the half-open
     * probe. Else the reason it is open. A probe that never reports back is replaced after a cooldown.
     */
    public synchronized String admit() {
        if (openReason == null) {
            return null;
        }
        long now = clockMs.getAsLong();
        boolean probeDue = probeSince < 0 ? now - openedAt >= cooldownMs : now - probeSince >= cooldownMs;
        if (probeDue) {
            probeSince = now;
            return null;
        }
        return openReason;
    }

    public synchronized void record(boolean failed) {
        long now = clockMs.getAsLong();
        if (openReason != null && probeSince >= 0) {
            probeSince = -1;
            if (failed) {
                openedAt = now;
                return;
            }
            // The probe went through: start afresh, closed.
            openReason = null;
            recent.clear();
            failures = 0;
            failingSince = -1;
            return;
        }
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
        if (openReason == null
                && recent.size() >= window
                && failures >= failureShare * window
                && now - failingSince >= minMs) {
            openReason = String.format(
                    "circuit open: %d of the last %d attempts failed (429, 5xx or I/O) over %d s",
                    failures, recent.size(), (now - failingSince) / 1000);
            openedAt = now;
        }
    }
}
