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
}
