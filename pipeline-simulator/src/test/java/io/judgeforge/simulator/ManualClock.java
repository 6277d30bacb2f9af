package io.judgeforge.simulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, so a one-minute rate-limit window passes in no time. */
final class ManualClock implements InstantSource {
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    void advanceSeconds(double seconds) {
        millis.addAndGet(Math.round(seconds * 1000));
    }
}
