package io.judgeforge.stage.select;

import java.io.Serializable;
import java.util.Map;

/**
 * The caps one {@link CapStep} set, looked up per bucket by the job's ranking: a bucket keeps its first
 * {@link #cap} units, and each unit it cuts is rejected with {@link #detail}. A bucket without a cap
 * keeps nothing.
 */
public record CapPlan(CapStep step, Map<BucketKey, Long> caps) implements Serializable {
    public CapPlan {
        caps = Map.copyOf(caps);
    }

    public long cap(String scenario, String mode, String bucket) {
        return caps.getOrDefault(new BucketKey(scenario, mode, bucket), 0L);
    }

    public String detail(String scenario, String mode, String bucket) {
        return step.detail(new BucketKey(scenario, mode, bucket), cap(scenario, mode, bucket));
    }
}
