package io.judgeforge.simulator;

import java.util.SplittableRandom;

/**
 * One arrival of a request at the simulator: which request (by its exact bytes) and how many times
 * it had arrived before. Latency and faults are drawn from it, so a rerun of the same requests in the
 * same order draws the same delays and faults, while a retry of a request (same bytes, next number)
 * draws afresh and can succeed where the first attempt failed.
 *
 * @param requestKey 64 bits of a SHA-256 over the simulator seed, method, path and body
 * @param number 0 for the first arrival of these bytes, 1 for the first retry, and so on
 */
record Attempt(long requestKey, int number) {
    /** When neither latency nor faults are random nothing is drawn, so nothing is counted. */
    static final Attempt UNTRACKED = new Attempt(0L, 0);

    /** What a draw is for; each gets its own stream, so enabling faults leaves latencies unchanged. */
    enum Purpose {
        LATENCY,
        FAULTS
    }

    SplittableRandom random(Purpose purpose) {
        long state = StableHash.mix(requestKey);
        state = StableHash.mix(state ^ number);
        state = StableHash.mix(state ^ purpose.ordinal());
        return new SplittableRandom(state);
    }
}
