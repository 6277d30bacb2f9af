package io.judgeforge.teacher.limit;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rate-limit headers OpenAI-compatible servers send (x-ratelimit-remaining-requests,
 * x-ratelimit-reset-requests and the -tokens pair): when a budget is down to 0, how long until it
 * resets, so the client pauses instead of spending a request on a certain 429.
 *
 * <p>OpenAI writes the reset as a duration ("6m0s", "20ms"); some gateways write a bare number,
 * which may be seconds or a Unix time in seconds or milliseconds. A bare number large enough to be
 * a Unix time is read as one (a wait until then), never as a wait of decades.
 */
public final class RateLimitHeaders {
    private static final Pattern DURATION = Pattern.compile("((\\d+(\\.\\d+)?)(ms|h|m|s))+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    // 2001-09-09 in Unix seconds: no rate window is this long, any number above it is a point in time.
    private static final double EPOCH_SECONDS_FLOOR = 1e9;
    private static final double EPOCH_MILLIS_FLOOR = 1e12;

    private RateLimitHeaders() {}

    /** Milliseconds to pause before the next request; 0 when the headers leave room or are absent. */
    public static long pauseMs(Function<String, String> header, long nowMs) {
        return Math.max(pause(header, "requests", nowMs), pause(header, "tokens", nowMs));
    }

    /** Which reset header the pause comes from, for the progress line. */
    public static String pauseSource(Function<String, String> header, long nowMs) {
        return pause(header, "tokens", nowMs) > pause(header, "requests", nowMs)
                ? "x-ratelimit-reset-tokens"
                : "x-ratelimit-reset-requests";
    }

    public static long pauseMs(Function<String, String> header) {
        return pauseMs(header, System.currentTimeMillis());
    }

    private static long pause(Function<String, String> header, String kind, long nowMs) {
        String remaining = header.apply("x-ratelimit-remaining-" + kind);
        String reset = header.apply("x-ratelimit-reset-" + kind);
        if (remaining == null || reset == null) {
            return 0;
        }
        try {
            return Double.parseDouble(remaining.trim()) <= 0 ? Math.max(0, durationMs(reset, nowMs)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** As {@link #durationMs(String, long)} at the current time. */
    public static long durationMs(String text) {
        return durationMs(text, System.currentTimeMillis());
    }

    /**
     * OpenAI's duration format: "20ms", "8.64s", "1m0s", "1h2m3s". A bare number is seconds, or a
     * Unix time (seconds or milliseconds) when it is that large. 0 for anything else.
     */
    public static long durationMs(String text, long nowMs) {
        String t = text.trim();
        if (t.matches("\\d+(\\.\\d+)?")) {
            double v = Double.parseDouble(t);
            if (v >= EPOCH_MILLIS_FLOOR) {
                return Math.max(0, (long) v - nowMs);
            }
            if (v >= EPOCH_SECONDS_FLOOR) {
                return Math.max(0, (long) (v * 1000) - nowMs);
            }
            return (long) Math.ceil(v * 1000);
        }
        if (!DURATION.matcher(t).matches()) {
            return 0;
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
