package io.judgeforge.refresh;

/**
 * The refresh lock's lease. A running refresh renews its lock file every third of the lease; a lock
 * not renewed for a whole lease was left by a refresh that died (a crash, a kill, a lost machine) and
 * may be taken over, so a crash never blocks the nightly runs that follow it.
 */
public record RefreshLease(long leaseMs) {
    public RefreshLease {
        if (leaseMs < 3) {
            throw new IllegalArgumentException("refresh.lock-lease-ms must be at least 3, not " + leaseMs);
        }
    }

    public long renewEveryMs() {
        return leaseMs / 3;
    }

    /** True when a lock last renewed at {@code renewedAtMs} is stale at {@code nowMs}. */
    public boolean stale(long renewedAtMs, long nowMs) {
        return nowMs - renewedAtMs > leaseMs;
    }
}
