package io.judgeforge.teacher.http;

import io.judgeforge.teacher.limit.RateLimitHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * What a server's headers ask of the client, read the way OpenAI's own SDKs read them:
 * {@code retry-after-ms} (milliseconds), else {@code Retry-After} (seconds, or an HTTP date);
 * {@code x-should-retry: true|false} overrides whether the status is retried; and a spent
 * {@code x-ratelimit-remaining-*} with its {@code x-ratelimit-reset-*} asks for a pause before the
 * next request. Waits are not capped here: the caller caps them by {@code max-wait-ms}.
 *
 * @param retryAfterMs the wait asked for before a retry, or -1 when none was given
 * @param shouldRetry the server's word on retrying, or null when it said nothing
 * @param pauseMs how long the endpoint's rate budget stays spent (0 = not spent)
 * @param retrySource the header the retry wait came from, for the progress line
 * @param pauseSource the header the pause came from
 */
public record ServerHints(
        long retryAfterMs, Boolean shouldRetry, long pauseMs, String retrySource, String pauseSource) {
    public static final ServerHints NONE = new ServerHints(-1, null, 0, "", "");

    public static ServerHints read(Function<String, String> header, Instant now) {
        long retryAfter = -1;
        String source = "";
        String ms = header.apply("retry-after-ms");
        if (ms != null) {
            retryAfter = nonNegative(parse(ms));
            source = "retry-after-ms";
        }
        String after = header.apply("retry-after");
        if (retryAfter < 0 && after != null) {
            retryAfter = retryAfterMs(after.trim(), now);
            source = "Retry-After";
        }
        String should = header.apply("x-should-retry");
        Boolean shouldRetry = should == null
                ? null
                : should.trim().equalsIgnoreCase("true")
                        ? Boolean.TRUE
                        : should.trim().equalsIgnoreCase("false") ? Boolean.FALSE : null;
        long pause = RateLimitHeaders.pauseMs(header, now.toEpochMilli());
        String pauseSource = pause > 0 ? RateLimitHeaders.pauseSource(header, now.toEpochMilli()) : "";
        return new ServerHints(retryAfter, shouldRetry, pause, source, pauseSource);
    }

    /** Seconds (a decimal number) or an IMF-fixdate; -1 when it is neither. */
    static long retryAfterMs(String value, Instant now) {
        double seconds = parse(value);
        if (!Double.isNaN(seconds)) {
            return nonNegative(seconds * 1000);
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long nonNegative(double ms) {
        return Double.isNaN(ms) || ms < 0 ? -1 : (long) Math.ceil(ms);
    }
}
