package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    long now = 0;

    @Test
    void opensOnlyWhenFailuresFillTheWindowForLongEnough() {
        CircuitBreaker b = new CircuitBreaker(10, 0.9, 60_000, () -> now);
        for (int i = 0; i < 10; i++) {
            b.record(true);
        }
        assertNull(b.openReason(), "a burst of failures is not yet a storm");
        now = 61_000;
        b.record(true);
        assertNotNull(b.openReason());
        assertTrue(b.openReason().startsWith("circuit open: 10 of the last 10 attempts failed"), b.openReason());
    }

    @Test
    void aSuccessEndsTheStreakAndMixedTrafficStaysClosed() {
        CircuitBreaker b = new CircuitBreaker(10, 0.9, 1_000, () -> now);
        for (int i = 0; i < 200; i++) {
            now += 100;
            b.record(i % 5 != 0); // 80% failures: under the 90% share
        }
        assertNull(b.openReason());
        CircuitBreaker c = new CircuitBreaker(4, 1.0, 1_000, () -> now);
        for (int i = 0; i < 20; i++) {
            now += 100;
            c.record(i % 10 != 9); // a success now and then resets the duration
        }
        assertNull(c.openReason());
    }

    @Test
    void theCooldownIsAtLeastThirtySeconds() {
        CircuitBreaker b = new CircuitBreaker(1, 1.0, 0, () -> now);
        b.record(true);
        assertNotNull(b.admit());
        now += 29_999;
        assertNotNull(b.admit());
        now += 1;
        assertNull(b.admit(), "the probe");
    }

    @Test
    void afterItsCooldownOneProbeGoesAndItsSuccessClosesTheBreaker() {
        CircuitBreaker b = new CircuitBreaker(4, 1.0, 1_000, 1_000, () -> now);
        for (int i = 0; i < 4; i++) {
            now += 400;
            b.record(true);
        }
        assertNotNull(b.admit(), "open: calls fail fast");
        now += 999;
        assertNotNull(b.admit(), "not before the cooldown");
        now += 1;
        assertNull(b.admit(), "one probe goes");
        assertNotNull(b.admit(), "and only one while it is out");
        b.record(true);
        assertNotNull(b.admit(), "a failed probe opens it for another cooldown");
        now += 1_000;
        assertNull(b.admit(), "the next probe");
        b.record(false);
        assertNull(b.openReason(), "a probe that went through closes it");
        assertNull(b.admit());
        b.record(true);
        assertNull(b.openReason(), "closed afresh: one failure is no storm");
    }

    @Test
    void aProbeThatNeverReportsBackIsReplaced() {
        CircuitBreaker b = new CircuitBreaker(2, 1.0, 100, 100, () -> now);
        now = 100;
        b.record(true);
        now = 200;
        b.record(true);
        now = 300;
        assertNull(b.admit(), "the probe");
        now = 350;
        assertNotNull(b.admit());
        now = 400;
        assertNull(b.admit(), "its caller died: another probe after the cooldown");
    }
}
