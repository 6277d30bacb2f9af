package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  long now = 0;

  @Test
  void aFullMinuteIsAvailableThenItRefillsAtItsRate() {
    TokenBucket rpm = new TokenBucket(60, () -> now); // one a second
    for (int i = 0; i < 60; i++) {
      assertEquals(0, rpm.reserve(1));
    }
    assertEquals(1000, rpm.reserve(1), "the 61st waits one refill interval");
    assertEquals(2000, rpm.reserve(1), "the 62nd queues behind it");
    now = 5_000;
    assertEquals(0, rpm.reserve(1), "after 5 s the two booked and this one are covered");
  }

  @Test
  void aRefundReturnsAnOverEstimate() {
    TokenBucket tpm = new TokenBucket(600, () -> now);
    assertEquals(0, tpm.reserve(600));
    assertEquals(10_000, tpm.reserve(100), "100 tokens at 10 per second");
    tpm.refund(100);
    assertEquals(0, tpm.reserve(0));
    assertEquals(0, tpm.reserve(-50), "a negative booking is a refund");
    assertEquals(0, tpm.reserve(50));
  }

  @Test
  void zeroMeansUnlimited() {
    TokenBucket none = new TokenBucket(0, () -> now);
    for (int i = 0; i < 10_000; i++) {
      assertEquals(0, none.reserve(1_000));
    }
  }
}
