package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How often each fault is injected into model calls ({@code /v1/chat/completions} and
 * {@code /v1/completions}); other paths are never faulted. Each rate is the chance, in [0, 1], that
 * the fault is drawn for one attempt of a request, independently of the others. When several that
 * replace the reply are drawn at once the first in {@link FaultKind} order wins, so with several
 * rates set a later kind is seen a little less often than its rate.
 *
 * @param http500 rate of 500 replies
 * @param http503 rate of 503 replies
 * @param http429 rate of random 429 replies (not caused by the rate limits)
 * @param malformedJson rate of 200 replies whose body is not JSON
 * @param truncated rate of chat replies cut short with {@code finish_reason: "length"}
 * @param slowRate rate of requests delayed by an extra {@code slowMs}
 * @param slowMs the extra delay of a slow request
 */
public record Faults(
    double http500, double http503, double http429, double malformedJson, double truncated, double slowRate, int slowMs) {

  /** Long enough to outlast the short timeouts tests give their clients. */
  public static final int DEFAULT_SLOW_MS = 5_000;

  public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, DEFAULT_SLOW_MS);

  public Faults {
    checkRate("http500", http500);
    checkRate("http503", http503);
    checkRate("http429", http429);
    checkRate("malformedJson", malformedJson);
    checkRate("truncated", truncated);
    checkRate("slowRate", slowRate);
    if (slowMs < 0) {
      throw new IllegalArgumentException("faults.slowMs must be >= 0, got " + slowMs);
    }
  }

  /** The rate of one kind. */
  public double rate(FaultKind kind) {
    return switch (kind) {
      case HTTP_500 -> http500;
      case HTTP_503 -> http503;
      case HTTP_429 -> http429;
      case MALFORMED_JSON -> malformedJson;
      case TRUNCATED -> truncated;
      case SLOW -> slowRate;
    };
  }

  /** These faults with one kind's rate changed. */
  public Faults with(FaultKind kind, double rate) {
    Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
    for (FaultKind each : FaultKind.values()) {
      rates.put(each, each == kind ? rate : rate(each));
    }
    return new Faults(
        rates.get(FaultKind.HTTP_500),
        rates.get(FaultKind.HTTP_503),
        rates.get(FaultKind.HTTP_429),
        rates.get(FaultKind.MALFORMED_JSON),
        rates.get(FaultKind.TRUNCATED),
        rates.get(FaultKind.SLOW),
        slowMs);
  }

  public Faults withSlowMs(int newSlowMs) {
    return new Faults(http500, http503, http429, malformedJson, truncated, slowRate, newSlowMs);
  }

  public boolean injectsAnything() {
    for (FaultKind kind : FaultKind.values()) {
      if (rate(kind) > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Draws the faults of one attempt. One number is drawn for every kind, set or not, always in the
   * same order: changing one rate then never changes which requests get another kind.
   */
  FaultDraw draw(RandomGenerator random) {
    FaultKind reply = null;
    boolean slow = false;
    for (FaultKind kind : FaultKind.values()) {
      boolean drawn = random.nextDouble() < rate(kind);
      if (kind == FaultKind.SLOW) {
        slow = drawn;
      } else if (drawn && reply == null) {
        reply = kind;
      }
    }
    return new FaultDraw(reply, slow);
  }

  String describe() {
    if (!injectsAnything()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      if (rate(kind) > 0) {
        String part = kind.key() + " " + String.format(Locale.ROOT, "%.3g", rate(kind));
        parts.add(kind == FaultKind.SLOW ? part + " (+" + slowMs + " ms)" : part);
      }
    }
    return String.join(", ", parts);
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("faults." + name + " must be a rate in [0, 1], got " + rate);
    }
  }

  /**
   * The faults drawn for one attempt.
   *
   * @param reply the fault that replaces the reply, or null for the normal reply
   * @param slow whether the reply is delayed by {@code slowMs}
   */
  record FaultDraw(FaultKind reply, boolean slow) {
    static final FaultDraw NONE = new FaultDraw(null, false);
  }
}
