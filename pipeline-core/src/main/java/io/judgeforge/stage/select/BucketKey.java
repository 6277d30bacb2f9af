package io.judgeforge.stage.select;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One bucket that selection balances and caps: a scenario, a judge mode and the unit bucket within
 * it ({@link SelectionUnit#bucket}). Ordered by scenario, mode, bucket: the key order in which
 * leftover quota is handed out, so a plan is the same on every run.
 */
public record BucketKey(String scenario, String mode, String bucket) implements Comparable<BucketKey>, Serializable {
    private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::scenario)
            .thenComparing(BucketKey::mode)
            .thenComparing(BucketKey::bucket);

    public BucketKey {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(bucket, "bucket");
    }

    /** Whether this bucket holds pairs, whose two orders are kept or cut together. */
    public boolean paired() {
        return SelectionUnit.paired(mode);
    }

    @Override
    public int compareTo(BucketKey other) {
        return ORDER.compare(this, other);
    }
}
