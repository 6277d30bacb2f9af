package io.judgeforge.teacher.limit;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit headers OpenAI-compatible servers send (x-ratelimit-remaining-requests,
 * x-ratelimit-reset-requests and the -tokens pair): when a budget is down to 0, how long until it
 * resets, so the client pauses instead of spending a request on a certain 429.
 */
public final class RateLimitHeaders {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private RateLimitHeaders() {}

  /** Milliseconds to pause before the next request; 0 when the headers leave room or are absent. */
  public static long pauseMs(Function<String, String> header) {
    return Math.max(pause(header, "requests"), pause(header, "tokens"));
  }

  private static long pause(Function<String, String> header, String kind) {
    String remaining = header.apply("x-ratelimit-remaining-" + kind);
    String reset = header.apply("x-ratelimit-reset-" + kind);
    if (remaining == null || reset == null) {
      return 0;
    }
    try {
      return Double.parseDouble(remaining.trim()) <= 0 ? durationMs(reset) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** OpenAI's duration format: "20ms", "8.64s", "1m0s", "1h2m3s"; a bare number is seconds. */
  public static long durationMs(String text) {
    String t = text.trim();
    if (t.matches("\\d+(\\.\\d+)?")) {
      return (long) Math.ceil(Double.parseDouble(t) * 1000);
    }
    Matcher m = PART.matcher(t);
    double ms = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      ms += switch (m.group(2)) {
        case "h" -> v * 3_600_000;
        case "m" -> v * 60_000;
        case "s" -> v * 1_000;
        default -> v;
      };
    }
    return (long) Math.ceil(ms);
  }
}
