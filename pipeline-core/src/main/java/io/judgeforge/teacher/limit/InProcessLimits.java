package io.judgeforge.teacher.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The limits held in this JVM: the whole application's in local mode, and the state behind the
 * driver's {@link LimitService} on a cluster. Serializes as a handle to the JVM it arrives in, so
 * it is for local mode only: a cluster's executors get a {@link RemoteLimits} instead.
 */
public final class InProcessLimits implements SharedLimits {
    public static final InProcessLimits INSTANCE = new InProcessLimits(System::currentTimeMillis);

    private final transient LongSupplier clockMs;
    private final transient Map<String, Rate> rates = new ConcurrentHashMap<>();
    private final transient Map<String, Ledger> ledgers = new ConcurrentHashMap<>();

    /** A holder of its own, with its own clock (tests). */
    public InProcessLimits(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    private static final class Rate {
        final TokenBucket requests;
        final TokenBucket tokens;
        long pausedUntil;

        Rate(double rpm, double tpm, LongSupplier clockMs) {
            requests = new TokenBucket(rpm, clockMs);
            tokens = new TokenBucket(tpm, clockMs);
        }
    }

    /**
     * One stage's account: what is spent, what the bookings in flight hold (kept as running sums, so a
     * booking costs the same however many calls the stage made), and every booking by id, settled
     * ones included, so a repeated booking or settlement is a no-op.
     */
    private static final class Ledger {
        double spentUsd;
        long spentTokens;
        double heldUsd;
        long heldTokens;
        final Map<String, Booking> bookings = new java.util.HashMap<>();
        final java.util.PriorityQueue<Booking> byExpiry =
                new java.util.PriorityQueue<>(java.util.Comparator.comparingLong((Booking b) -> b.expiresAt));

        void hold(String id, Booking b) {
            bookings.put(id, b);
            byExpiry.add(b);
            heldUsd += b.usd;
            heldTokens += b.tokens;
        }

        void release(Booking b) {
            if (b.holding) {
                b.holding = false;
                heldUsd -= b.usd;
                heldTokens -= b.tokens;
            }
        }

        /** Bookings whose time is up (their executor died) stop holding room. */
        void expire(long now) {
            while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt <= now) {
                release(byExpiry.poll());
            }
        }
    }

    private static final class Booking {
        final double usd;
        final long tokens;
        final long expiresAt;
        boolean holding = true;
        boolean settled;

        Booking(double usd, long tokens, long expiresAt) {
            this.usd = usd;
            this.tokens = tokens;
            this.expiresAt = expiresAt;
        }
    }

    private Rate rate(String bucket, double rpm, double tpm) {
        return rates.computeIfAbsent(bucket + "\u0000" + rpm + "\u0000" + tpm, k -> new Rate(rpm, tpm, clockMs));
    }

    @Override
    public long reserve(String bucket, double rpm, double tpm, double tokens) {
        Rate r = rate(bucket, rpm, tpm);
        long wait = Math.max(r.requests.reserve(1), r.tokens.reserve(tokens));
        synchronized (r) {
            return Math.max(wait, r.pausedUntil - clockMs.getAsLong());
        }
    }

    @Override
    public void correct(String bucket, double rpm, double tpm, double tokens) {
        rate(bucket, rpm, tpm).tokens.reserve(tokens);
    }

    @Override
    public void pause(String bucket, double rpm, double tpm, long ms) {
        Rate r = rate(bucket, rpm, tpm);
        synchronized (r) {
            r.pausedUntil = Math.max(r.pausedUntil, clockMs.getAsLong() + ms);
        }
    }

    @Override
    public Grant book(String ledger, String id, double maxUsd, long maxTokens, double usd, long tokens, long ttlMs) {
        Ledger l = ledgers.computeIfAbsent(ledger, k -> new Ledger());
        synchronized (l) {
            if (l.bookings.containsKey(id)) {
                return Grant.GRANTED;
            }
            long now = clockMs.getAsLong();
            l.expire(now);
            if (!fits(maxUsd, maxTokens, usd, tokens, l.spentUsd, l.spentTokens)) {
                return Grant.REFUSED;
            }
            if (!fits(maxUsd, maxTokens, usd, tokens, l.spentUsd + l.heldUsd, l.spentTokens + l.heldTokens)) {
                return Grant.WAIT;
            }
            l.hold(id, new Booking(usd, tokens, now + ttlMs));
            return Grant.GRANTED;
        }
    }

    private static boolean fits(
            double maxUsd, long maxTokens, double usd, long tokens, double usedUsd, long usedTokens) {
        // A call that costs no USD (an unpriced model) is held only by the token limit.
        boolean usdFits = usd <= 0 || maxUsd == 0 || (maxUsd > 0 && usedUsd + usd <= maxUsd);
        boolean tokensFit = maxTokens == 0 || (maxTokens > 0 && usedTokens + tokens <= maxTokens);
        return usdFits && tokensFit;
    }

    @Override
    public void settle(String ledger, String id, double usd, long tokens) {
        Ledger l = ledgers.computeIfAbsent(ledger, k -> new Ledger());
        synchronized (l) {
            Booking b = l.bookings.get(id);
            if (b == null) {
                // Booked but the answer to the booking was lost: the call was made all the same.
                b = new Booking(0, 0, 0);
                b.holding = false;
                l.bookings.put(id, b);
            } else if (b.settled) {
                return;
            }
            l.release(b);
            b.settled = true;
            l.spentUsd += usd;
            l.spentTokens += tokens;
        }
    }

    // Local mode only: deserialized in a JVM, it stands for that JVM's own holder.
    private Object readResolve() {
        return INSTANCE;
    }
}
