package io.judgeforge.refresh;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one refresh does, decided on the driver before any call and kept as {@code
 * runs/<id>/refresh/plan.json}: the version it builds on (null for the first version), the input
 * changes by kind, and the delta run's generation quotas. Its presence makes a run a refresh: generate
 * continues the parent run's call numbering, and export publishes the parent's records with the new ones.
 */
public record RefreshPlan(
        String parentVersion, String parentRunId, Map<String, InputChanges> inputs, Map<String, Integer> quotas) {

    public RefreshPlan {
        inputs = new TreeMap<>(inputs);
        quotas = new TreeMap<>(quotas);
    }

    public InputChanges changes(InputKind kind) {
        return inputs.getOrDefault(kind.code(), InputChanges.NONE);
    }

    /** True when some source input is new, changed or removed: only then is there a version to make. */
    public boolean hasWork() {
        return changes(InputKind.REFERENCE).any()
                || changes(InputKind.INSTRUCTION).any();
    }
}
