package io.judgeforge.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The headers with which a 429 or 503 says when to retry, in the configured {@link RetryHeaderForm}. */
final class RetryAdvice {
    static final String RETRY_AFTER = "Retry-After";
    static final String RETRY_AFTER_MS = "retry-after-ms";
    static final String SHOULD_RETRY = "x-should-retry";
    /** IMF-fixdate, the HTTP-date form every client parses: two-digit day, GMT. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final RetryHeaderForm form;
    private final InstantSource clock;
    private final AtomicInteger next = new AtomicInteger();

    RetryAdvice(RetryHeaderForm form, InstantSource clock) {
        this.form = form;
        this.clock = clock;
    }

    /** True unless the form is the simulator's original one, {@code Retry-After} seconds on 429s only. */
    boolean realistic() {
        return form != RetryHeaderForm.SECONDS;
    }

    /**
     * The headers of one reply that could succeed after {@code waitMs}.
     *
     * @param overloaded true for a 503, which in the original form has no header
     */
    Map<String, String> headers(long waitMs, boolean overloaded) {
        RetryHeaderForm chosen = form == RetryHeaderForm.CYCLE
                ? RetryHeaderForm.CYCLED.get(Math.floorMod(next.getAndIncrement(), RetryHeaderForm.CYCLED.size()))
                : form;
        long seconds = Math.max(1, (waitMs + 999) / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        switch (chosen) {
            case SECONDS -> {
                if (!(overloaded && form == RetryHeaderForm.SECONDS)) {
                    headers.put(RETRY_AFTER, String.valueOf(seconds));
                }
            }
            case MILLIS -> headers.put(RETRY_AFTER_MS, String.valueOf(Math.max(1, waitMs)));
            case DATE -> headers.put(RETRY_AFTER, httpDate(clock.instant().plusSeconds(seconds)));
            case SHOULD_RETRY -> headers.put(SHOULD_RETRY, "true");
            case NO_RETRY -> headers.put(SHOULD_RETRY, "false");
            case CYCLE -> throw new IllegalStateException("CYCLE picks one of the other forms");
        }
        return headers;
    }

    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }
}
