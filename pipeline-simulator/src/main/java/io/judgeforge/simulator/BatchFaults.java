package io.judgeforge.simulator;

/**
 * Faults of the batch API, apart from the per-attempt faults of model calls: {@code expireFirst}
 * makes the first batch created expire with only the first half of its lines answered (the rest in
 * its error file as {@code batch_expired}); {@code lineFailure} is the chance that a line fails with a
 * 500 in the error file the first time its {@code custom_id} is seen, so a resubmission gets through.
 */
public record BatchFaults(boolean expireFirst, double lineFailure) {
    public static final BatchFaults NONE = new BatchFaults(false, 0);

    public BatchFaults {
        if (!(lineFailure >= 0 && lineFailure <= 1)) {
            throw new IllegalArgumentException("batch line failure must be a rate in [0, 1], got " + lineFailure);
        }
    }

    String describe() {
        return (expireFirst ? "first batch expires, " : "") + "batch line 500s " + lineFailure;
    }
}
