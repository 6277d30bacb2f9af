package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {
    @Test
    void readsOpenAiDurations() {
        assertEquals(20, RateLimitHeaders.durationMs("20ms"));
        assertEquals(8640, RateLimitHeaders.durationMs("8.64s"));
        assertEquals(60_000, RateLimitHeaders.durationMs("1m0s"));
        assertEquals(3_723_000, RateLimitHeaders.durationMs("1h2m3s"));
        assertEquals(2_000, RateLimitHeaders.durationMs("2"));
    }

    @Test
    void pausesOnlyWhenABudgetIsDownToZero() {
        assertEquals(
                0,
                RateLimitHeaders.pauseMs(
                        Map.of("x-ratelimit-remaining-requests", "3", "x-ratelimit-reset-requests", "1s")::get));
        assertEquals(
                1000,
                RateLimitHeaders.pauseMs(
                        Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s")::get));
        assertEquals(
                6000,
                RateLimitHeaders.pauseMs(Map.of(
                        "x-ratelimit-remaining-requests",
                        "0",
                        "x-ratelimit-reset-requests",
                        "1s",
                        "x-ratelimit-remaining-tokens",
                        "0",
                        "x-ratelimit-reset-tokens",
                        "6s")::get));
        assertEquals(0, RateLimitHeaders.pauseMs(Map.<String, String>of()::get));
    }
}
