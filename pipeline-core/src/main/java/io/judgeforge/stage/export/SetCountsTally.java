package io.judgeforge.stage.export;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fine-tuning set's counts for the manifest, tallied from its records grouped by split and scenario
 * (and, in the judge set, mode, score and verdict): the groups are few whatever the set's size, so the
 * tally runs on the driver. Every map is sorted by key, so the manifest does not depend on group order.
 */
public final class SetCountsTally {
    private SetCountsTally() {}

    /** {@code count} records sharing these values; mode, score and verdict are null outside the judge set. */
    public record Group(String split, String scenario, String mode, Integer score, String verdict, long count) {}

    public static Manifest.SetCounts of(String task, Collection<Group> groups) {
        Map<String, Long> bySplit = new TreeMap<>();
        Map<String, Long> byScenario = new TreeMap<>();
        Map<String, Long> byMode = new TreeMap<>();
        Map<String, Long> byScore = new TreeMap<>();
        Map<String, Long> byVerdict = new TreeMap<>();
        Map<String, Map<String, Long>> bySplitAndScenario = new TreeMap<>();
        long total = 0;
        for (Group g : groups) {
            total += g.count();
            bySplit.merge(g.split(), g.count(), Long::sum);
            byScenario.merge(g.scenario(), g.count(), Long::sum);
            if (g.mode() != null) {
                byMode.merge(g.mode(), g.count(), Long::sum);
            }
            if (g.score() != null) {
                byScore.merge(Integer.toString(g.score()), g.count(), Long::sum);
            }
            if (g.verdict() != null) {
                byVerdict.merge(g.verdict(), g.count(), Long::sum);
            }
            bySplitAndScenario
                    .computeIfAbsent(g.split(), k -> new TreeMap<>())
                    .merge(g.scenario(), g.count(), Long::sum);
        }
        return new Manifest.SetCounts(
                task, total, bySplit, byScenario, byMode, byScore, byVerdict, new LinkedHashMap<>(bySplitAndScenario));
    }
}
