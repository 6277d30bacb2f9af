package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    long now = 0;

    @Test
    void oneSecondsWorthIsAvailableThenItRefillsAtItsRate() {
        TokenBucket rpm = new TokenBucket(600, () -> now); // ten a second
        for (int i = 0; i < 10; i++) {
            assertEquals(0, rpm.reserve(1));
        }
        assertEquals(100, rpm.reserve(1), "the 11th waits one refill interval");
        assertEquals(200, rpm.reserve(1), "the 12th queues behind it");
        now = 5_000;
        assertEquals(0, rpm.reserve(1), "after 5 s the two booked and this one are covered");
    }

    @Test
    void aLowRateStillLetsOneRequestThrough() {
        TokenBucket rpm = new TokenBucket(2, () -> now);
        assertEquals(0, rpm.reserve(1));
        assertEquals(30_000, rpm.reserve(1));
    }

    @Test
    void aRefundReturnsAnOverEstimate() {
        TokenBucket tpm = new TokenBucket(600, () -> now);
        assertEquals(0, tpm.reserve(10));
        assertEquals(10_000, tpm.reserve(100), "100 tokens at 10 per second");
        tpm.refund(100);
        assertEquals(0, tpm.reserve(0));
        assertEquals(0, tpm.reserve(-50), "a negative booking is a refund");
        assertEquals(0, tpm.reserve(10));
    }

    @Test
    void zeroMeansUnlimited() {
        TokenBucket none = new TokenBucket(0, () -> now);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, none.reserve(1_000));
        }
    }
}
