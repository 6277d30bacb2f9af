package io.judgeforge.refresh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which published versions {@code refresh.keep-versions} prunes: all but the newest {@code keep} by
 * creation time (name breaking ties), and never the one LATEST names, whatever its age. Every version
 * holds its parent's records, so a pruned version loses no record a kept one lacks, except those whose
 * inputs were removed on purpose.
 */
public final class VersionRetention {
    /** A complete version: its folder name and its manifest's creation time (an ISO-8601 instant). */
    public record Published(String name, String createdAt) {}

    private VersionRetention() {}

    /** The names to delete; none when {@code keep} is 0 (keep all). */
    public static List<String> toPrune(List<Published> versions, String latest, int keep) {
        if (keep <= 0) {
            return List.of();
        }
        List<Published> newestFirst = new ArrayList<>(versions);
        newestFirst.sort(Comparator.comparing((Published p) -> Instant.parse(p.createdAt()))
                .thenComparing(Published::name)
                .reversed());
        List<String> prune = new ArrayList<>();
        for (int i = keep; i < newestFirst.size(); i++) {
            String name = newestFirst.get(i).name();
            if (!name.equals(latest)) {
                prune.add(name);
            }
        }
        return prune;
    }
}
