package io.judgeforge.simulator;

import java.util.List;
import java.util.Locale;

/**
 * How a 429 or 503 tells the client when to retry, in the forms real servers and OpenAI's own
 * clients use (openai-python reads {@code retry-after-ms}, then {@code Retry-After} as seconds or as
 * an HTTP date, and obeys {@code x-should-retry} above all).
 */
public enum RetryHeaderForm {
    /** {@code Retry-After: S} in whole seconds, on 429s only: the simulator's behaviour before realism. */
    SECONDS("seconds"),
    /** {@code retry-after-ms: MS}, with no {@code Retry-After}. */
    MILLIS("ms"),
    /** {@code Retry-After} as an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}). */
    DATE("date"),
    /** {@code x-should-retry: true} and no delay: the client picks its own backoff. */
    SHOULD_RETRY("should-retry"),
    /** {@code x-should-retry: false}: the server says a retry will not help. */
    NO_RETRY("no-retry"),
    /** Each 429 or 503 takes the next of the five forms above, in that order. */
    CYCLE("cycle");

    /** The forms CYCLE goes through. */
    static final List<RetryHeaderForm> CYCLED = List.of(SECONDS, MILLIS, DATE, SHOULD_RETRY, NO_RETRY);

    private final String label;

    RetryHeaderForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static RetryHeaderForm parse(String name) {
        for (RetryHeaderForm form : values()) {
            if (form.label.equals(name.toLowerCase(Locale.ROOT))) {
                return form;
            }
        }
        throw new IllegalArgumentException(
                "retry header form must be seconds, ms, date, should-retry, no-retry or cycle, got '" + name + "'");
    }
}
