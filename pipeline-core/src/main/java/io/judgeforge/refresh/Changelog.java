package io.judgeforge.refresh;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A version's {@code CHANGELOG.md}: its own entry (inputs, records added and removed per set, split
 * and scenario, calls and cost) above its parent's entries, so the newest version's file tells the
 * whole history of the dataset that still exists.
 */
public final class Changelog {
    static final String TITLE = "# Changelog\n";

    private Changelog() {}

    /** The file: this version's entry, then {@code parentChangelog}'s entries (null or "" when none). */
    public static String markdown(VersionChanges changes, String parentChangelog) {
        StringBuilder md = new StringBuilder(TITLE).append('\n').append(entry(changes));
        if (parentChangelog != null && parentChangelog.startsWith(TITLE)) {
            md.append('\n')
                    .append(parentChangelog.substring(TITLE.length()).strip())
                    .append('\n');
        }
        return md.toString();
    }

    static String entry(VersionChanges c) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(c.version()).append(" (").append(c.createdAt()).append(")\n\n");
        md.append(c.parentVersion() == null ? "First version" : "Parent version: " + c.parentVersion())
                .append("; run ")
                .append(c.runId())
                .append(".\n\n");
        md.append("Inputs:");
        for (InputKind kind : InputKind.values()) {
            InputChanges i = c.inputs().getOrDefault(kind.code(), InputChanges.NONE);
            md.append(String.format(
                    Locale.ROOT,
                    " %ss +%d, changed %d, -%d (%d unchanged);",
                    kind.code(),
                    i.added(),
                    i.changed(),
                    i.removed(),
                    i.unchanged()));
        }
        md.setLength(md.length() - 1);
        md.append(".\n\n| set | split | scenario | added | removed |\n|---|---|---|---:|---:|\n");
        c.sets().forEach((set, s) -> {
            TreeSet<String> splits = new TreeSet<>(s.added().keySet());
            splits.addAll(s.removed().keySet());
            for (String split : splits) {
                Map<String, Long> added = s.added().getOrDefault(split, Map.of());
                Map<String, Long> removed = s.removed().getOrDefault(split, Map.of());
                TreeSet<String> scenarios = new TreeSet<>(added.keySet());
                scenarios.addAll(removed.keySet());
                for (String scenario : scenarios) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %d | %d |%n",
                            set,
                            split,
                            scenario,
                            added.getOrDefault(scenario, 0L),
                            removed.getOrDefault(scenario, 0L)));
                }
            }
        });
        md.append('\n');
        c.sets()
                .forEach((set, s) -> md.append(String.format(
                        Locale.ROOT,
                        "- %s: %d records (%d before, +%d, -%d)%n",
                        set,
                        s.records(),
                        s.parentRecords(),
                        s.addedTotal(),
                        s.removedTotal())));
        md.append(String.format(
                Locale.ROOT,
                "%nCalls: %d (%d answered from the store); tokens: %d prompt, %d completion; cost: $%.4f.%n",
                c.calls(),
                c.stored(),
                c.promptTokens(),
                c.completionTokens(),
                c.costUsd()));
        return md.toString();
    }
}
