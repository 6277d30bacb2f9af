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

  /** One stage's account: what is spent, and the bookings by id (kept once settled, so a repeat is a no-op). */
  private static final class Ledger {
    double spentUsd;
    long spentTokens;
    final Map<String, Booking> bookings = new java.util.HashMap<>();

    double bookedUsd(long now) {
      return bookings.values().stream().filter(b -> b.holds(now)).mapToDouble(b -> b.usd).sum();
    }

    long bookedTokens(long now) {
      return bookings.values().stream().filter(b -> b.holds(now)).mapToLong(b -> b.tokens).sum();
    }
  }

  private static final class Booking {
    final double usd;
    final long tokens;
    final long expiresAt;
    boolean settled;

    Booking(double usd, long tokens, long expiresAt) {
      this.usd = usd;
      this.tokens = tokens;
      this.expiresAt = expiresAt;
    }

    boolean holds(long now) {
      return !settled && now < expiresAt;
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
      long now = clockMs.getAsLong();
      if (l.bookings.containsKey(id)) {
        return Grant.GRANTED;
      }
      if (!fits(maxUsd, maxTokens, usd, tokens, l.spentUsd, l.spentTokens)) {
        return Grant.REFUSED;
      }
      if (!fits(maxUsd, maxTokens, usd, tokens, l.spentUsd + l.bookedUsd(now), l.spentTokens + l.bookedTokens(now))) {
        return Grant.WAIT;
      }
      l.bookings.put(id, new Booking(usd, tokens, now + ttlMs));
      return Grant.GRANTED;
    }
  }

  private static boolean fits(double maxUsd, long maxTokens, double usd, long tokens, double usedUsd, long usedTokens) {
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
      if (b != null && b.settled) {
        return;
      }
      if (b == null) {
        // Booked but the answer to the booking was lost: the call was made all the same.
        b = new Booking(0, 0, 0);
        l.bookings.put(id, b);
      }
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
