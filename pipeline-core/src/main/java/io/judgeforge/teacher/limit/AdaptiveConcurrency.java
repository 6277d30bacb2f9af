package io.judgeforge.teacher.limit;

import java.util.function.LongSupplier;

/**
 * How many requests may be in flight at once to one endpoint and model from this JVM: additive
 * increase, multiplicative decrease (as TCP and NeMo Data Designer do). A 429 halves the limit, at
 * most once per {@code cooldownMs} so one burst of 429s counts once; each success adds 1/limit, so
 * the limit creeps back by about one per round of calls.
 */
public final class AdaptiveConcurrency {
    private final int max;
    private final long cooldownMs;
    private final LongSupplier clockMs;
    private double limit;
    private int inFlight;
    private long lastDecrease = Long.MIN_VALUE / 2;

    public AdaptiveConcurrency(int max, long cooldownMs, LongSupplier clockMs) {
        this.max = max;
        this.cooldownMs = cooldownMs;
        this.clockMs = clockMs;
        this.limit = max;
    }

    /** Waits for a slot. */
    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= Math.max(1, (int) limit)) {
            wait();
        }
        inFlight++;
    }

    /** Frees a slot and adapts the limit to how the call went. */
    public synchronized void release(boolean rateLimited) {
        inFlight--;
        long now = clockMs.getAsLong();
        if (rateLimited) {
            if (now - lastDecrease >= cooldownMs) {
                limit = Math.max(1, limit / 2);
                lastDecrease = now;
            }
        } else {
            limit = Math.min(max, limit + 1.0 / limit);
        }
        notifyAll();
    }

    public synchronized double limit() {
        return limit;
    }
}
