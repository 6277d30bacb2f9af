package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window arithmetic, without HTTP; {@link RateLimitHttpTest} checks what a client sees. */
class RateLimiterTest {

    @Test
    void windowFreesCapacityOneMinuteAfterEachTake() {
        SlidingWindow window = new SlidingWindow(10);
        window.take(0, 4);
        window.take(20_000, 5);

        assertEquals(1, window.remaining(30_000));
        assertEquals(0, window.millisUntilFits(30_000, 1));
        // 3 more need the first take (4 at t=0) gone, at t=60 s.
        assertEquals(30_000, window.millisUntilFits(30_000, 3));
        // 6 more need both gone, at t=80 s.
        assertEquals(50_000, window.millisUntilFits(30_000, 6));
        assertEquals(50_000, window.millisUntilReset(30_000));
        assertEquals(Long.MAX_VALUE, window.millisUntilFits(30_000, 11));
        assertEquals(5, window.used(60_000), "a take counts for exactly one minute");
        assertEquals(0, window.used(80_000));
        assertEquals(0, window.millisUntilReset(80_000));
    }

    @Test
    void aShorterWindowAllowsItsShareOfTheMinutesLimit() {
        ManualClock clock = new ManualClock();
        // 120 RPM counted over 10 s windows: 20 requests a window, as a provider enforcing per second would.
        RateLimiter limiter = new RateLimiter(RateLimits.everyModel(120, 0, 10_000), clock);
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    RateLimitDecision.Verdict.ACCEPTED, limiter.acquire("m", 1).verdict());
        }
        RateLimitDecision refused = limiter.acquire("m", 1);
        assertEquals(RateLimitDecision.Verdict.LIMITED, refused.verdict());
        assertEquals(
                10_000, refused.retryAfterMillis(), "capacity comes back when the window has slid past the first take");
        clock.advanceSeconds(10);
        assertEquals(RateLimitDecision.Verdict.ACCEPTED, limiter.acquire("m", 1).verdict());
    }

    @Test
    void resetTextIsWrittenAsOpenAiDoes() {
        assertEquals("0ms", RateLimiter.resetText(0));
        assertEquals("20ms", RateLimiter.resetText(20));
        assertEquals("1s", RateLimiter.resetText(1000));
        assertEquals("8.64s", RateLimiter.resetText(8640));
        assertEquals("59.999s", RateLimiter.resetText(59_999));
        assertEquals("1m0s", RateLimiter.resetText(60_000));
        assertEquals("1m30.5s", RateLimiter.resetText(90_500));
    }

    @Test
    void limitsAreKeptPerModelAndUnlimitedModelsPassUntouched() {
        ManualClock clock = new ManualClock();
        RateLimits limits = RateLimits.everyModel(1, 0).withModel("free", RateLimit.NONE);
        RateLimiter limiter = new RateLimiter(limits, clock);

        assertTrue(limiter.acquire("a", 10).accepted());
        assertEquals(RateLimitDecision.Verdict.LIMITED, limiter.acquire("a", 10).verdict());
        assertTrue(limiter.acquire("b", 10).accepted(), "b has its own window");
        for (int i = 0; i < 5; i++) {
            assertSame(RateLimitDecision.UNLIMITED, limiter.acquire("free", 10));
        }
    }

    @Test
    void refusedCallsTakeNothingSoWaitingOutRetryAfterSucceeds() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(RateLimits.everyModel(2, 0), clock);
        limiter.acquire("m", 1);
        clock.advanceSeconds(0.4);
        limiter.acquire("m", 1);
        RateLimitDecision refused = null;
        for (int i = 0; i < 10; i++) {
            refused = limiter.acquire("m", 1);
            assertEquals(RateLimitDecision.Verdict.LIMITED, refused.verdict());
        }

        assertEquals(59_600, refused.retryAfterMillis(), "the first call, at t=0, leaves the window at t=60 s");
        assertEquals(60, refused.retryAfterSeconds());
        clock.advanceSeconds(59.6);
        assertTrue(limiter.acquire("m", 1).accepted());
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertEquals(
                1,
                new RateLimitDecision(RateLimitDecision.Verdict.LIMITED, "x", 1, java.util.Map.of())
                        .retryAfterSeconds());
        assertEquals(
                2,
                new RateLimitDecision(RateLimitDecision.Verdict.LIMITED, "x", 1001, java.util.Map.of())
                        .retryAfterSeconds());
        assertEquals(
                3,
                new RateLimitDecision(RateLimitDecision.Verdict.LIMITED, "x", 3000, java.util.Map.of())
                        .retryAfterSeconds());
    }
}
