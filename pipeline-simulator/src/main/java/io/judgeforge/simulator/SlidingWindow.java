package io.judgeforge.simulator;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * What was taken from one limit (requests or tokens) over the last window: a log of (time, amount),
 * oldest first. A log rather than a token bucket because it answers exactly when capacity comes back,
 * which is what {@code Retry-After} promises. Not thread-safe: its owner locks around it.
 */
final class SlidingWindow {
    static final long MINUTE_MILLIS = 60_000;

    private record Entry(long atMillis, long amount) {}

    private final long limit;
    private final long windowMillis;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long used;

    SlidingWindow(long limit) {
        this(limit, MINUTE_MILLIS);
    }

    SlidingWindow(long limit, long windowMillis) {
        if (limit < 1) {
            throw new IllegalArgumentException("a window needs a limit >= 1, got " + limit);
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    long limit() {
        return limit;
    }

    long used(long nowMillis) {
        expire(nowMillis);
        return used;
    }

    long remaining(long nowMillis) {
        return Math.max(0, limit - used(nowMillis));
    }

    /** True when {@code amount} is more than the limit, so it can never be taken. */
    boolean tooLarge(long amount) {
        return amount > limit;
    }

    /** Milliseconds until {@code amount} can be taken: 0 if now, {@link Long#MAX_VALUE} if never. */
    long millisUntilFits(long nowMillis, long amount) {
        if (tooLarge(amount)) {
            return Long.MAX_VALUE;
        }
        expire(nowMillis);
        long left = used;
        if (left + amount <= limit) {
            return 0;
        }
        for (Entry entry : entries) {
            left -= entry.amount();
            if (left + amount <= limit) {
                return entry.atMillis() + windowMillis - nowMillis;
            }
        }
        throw new IllegalStateException("unreachable: an amount within the limit fits an empty window");
    }

    /** Milliseconds until the whole limit is available again (OpenAI's {@code x-ratelimit-reset-*}). */
    long millisUntilReset(long nowMillis) {
        expire(nowMillis);
        return entries.isEmpty() ? 0 : entries.peekLast().atMillis() + windowMillis - nowMillis;
    }

    void take(long nowMillis, long amount) {
        expire(nowMillis);
        entries.addLast(new Entry(nowMillis, amount));
        used += amount;
    }

    /** An entry taken at t counts during [t, t + window). */
    private void expire(long nowMillis) {
        Iterator<Entry> oldestFirst = entries.iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entry.atMillis() + windowMillis > nowMillis) {
                return;
            }
            used -= entry.amount();
            oldestFirst.remove();
        }
    }
}
