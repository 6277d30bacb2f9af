package io.judgeforge.teacher.limit;

import java.util.function.LongSupplier;

/**
 * A per-minute budget (requests or tokens) that refills continuously. {@link #reserve} never
 * refuses: it books the amount and says how long the caller must wait before using it, so callers
 * queue fairly in booking order instead of racing for a refill.
 *
 * <p>It holds at most one second's worth: a client that bursts a whole minute's budget at once
 * fills a server's sliding 60-second window, then collects 429s for the rest of the minute while
 * its own bucket refills. At an even pace the server's window never overflows.
 */
public final class TokenBucket {
    private final double perMs;
    private final double capacity;
    private final LongSupplier clockMs;
    private double available;
    private long last;

    /** {@code perMinute} <= 0 means unlimited. */
    public TokenBucket(double perMinute, LongSupplier clockMs) {
        this.perMs = perMinute / 60_000.0;
        this.capacity = perMinute <= 0 ? 0 : Math.max(1, perMinute / 60.0);
        this.clockMs = clockMs;
        this.available = this.capacity;
        this.last = clockMs.getAsLong();
    }

    public boolean unlimited() {
        return capacity <= 0;
    }

    /** Books {@code amount}; returns the milliseconds to wait before it may be used (0 = now). */
    public synchronized long reserve(double amount) {
        if (unlimited() || amount <= 0) {
            if (amount < 0) {
                refund(-amount);
            }
            return 0;
        }
        refill();
        available -= amount;
        return available >= 0 ? 0 : (long) Math.ceil(-available / perMs);
    }

    /** Gives back what was booked but not used (an estimate that came out high). */
    public synchronized void refund(double amount) {
        if (!unlimited()) {
            refill();
            available = Math.min(capacity, available + amount);
        }
    }

    private void refill() {
        long now = clockMs.getAsLong();
        available = Math.min(capacity, available + (now - last) * perMs);
        last = now;
    }
}
