package io.judgeforge.refresh;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a version changed against its parent, kept as its {@code changes.json}: input changes by
 * kind, records added and removed per set, split and scenario, and the calls and cost that made it.
 * For the first version every record is added and {@code parentVersion} is null.
 */
public record VersionChanges(
        String version,
        String parentVersion,
        String runId,
        String createdAt,
        Map<String, InputChanges> inputs,
        Map<String, SetChanges> sets,
        long calls,
        long stored,
        long promptTokens,
        long completionTokens,
        double costUsd) {

    public VersionChanges {
        inputs = new TreeMap<>(inputs);
        sets = new TreeMap<>(sets);
    }

    /**
     * One set: its records now and in the parent, and the counts added and removed by split, then
     * scenario. {@code records = parentRecords + added - removed}, which {@link #balanced} checks.
     */
    public record SetChanges(
            long records,
            long parentRecords,
            Map<String, Map<String, Long>> added,
            Map<String, Map<String, Long>> removed) {

        public SetChanges {
            added = sorted(added);
            removed = sorted(removed);
        }

        public long addedTotal() {
            return total(added);
        }

        public long removedTotal() {
            return total(removed);
        }

        public boolean balanced() {
            return records == parentRecords + addedTotal() - removedTotal();
        }

        private static long total(Map<String, Map<String, Long>> counts) {
            return counts.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        }

        private static Map<String, Map<String, Long>> sorted(Map<String, Map<String, Long>> counts) {
            Map<String, Map<String, Long>> copy = new TreeMap<>();
            counts.forEach((split, byScenario) -> copy.put(split, new TreeMap<>(byScenario)));
            return copy;
        }
    }

    /** One group of counted records: {@code added} or not (removed), in a set, split and scenario. */
    public record Group(String set, boolean added, String split, String scenario, long count) {}

    /** The set's changes from its groups and its record counts now and before. */
    public static SetChanges set(List<Group> groups, String set, long records, long parentRecords) {
        Map<String, Map<String, Long>> added = new TreeMap<>();
        Map<String, Map<String, Long>> removed = new TreeMap<>();
        for (Group g : groups) {
            if (g.set().equals(set)) {
                (g.added() ? added : removed)
                        .computeIfAbsent(g.split(), k -> new TreeMap<>())
                        .merge(g.scenario() == null ? "(none)" : g.scenario(), g.count(), Long::sum);
            }
        }
        return new SetChanges(records, parentRecords, added, removed);
    }
}
