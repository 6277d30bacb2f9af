package io.judgeforge.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangelogTest {
    private static VersionChanges changes(String version, String parent) {
        List<VersionChanges.Group> groups = List.of(
                new VersionChanges.Group("judge", true, "train", "math_qa", 5),
                new VersionChanges.Group("judge", true, "train", "math_qa", 2),
                new VersionChanges.Group("judge", false, "validation", "open_qa", 3),
                new VersionChanges.Group("classifier", true, "train", null, 1));
        return new VersionChanges(
                version,
                parent,
                "run-" + version,
                "2026-12-06T01:00:00Z",
                Map.of("reference", new InputChanges(6, 1, 1, 18)),
                Map.of(
                        "judge", VersionChanges.set(groups, "judge", 104, 100),
                        "classifier", VersionChanges.set(groups, "classifier", 11, 10)),
                224,
                3,
                1000,
                200,
                0.125);
    }

    @Test
    void groupsAddUpPerSplitAndScenarioAndTheSetBalances() {
        VersionChanges.SetChanges judge = changes("v2", "v1").sets().get("judge");
        assertEquals(Map.of("train", Map.of("math_qa", 7L)), judge.added());
        assertEquals(Map.of("validation", Map.of("open_qa", 3L)), judge.removed());
        assertEquals(7, judge.addedTotal());
        assertEquals(3, judge.removedTotal());
        assertTrue(judge.balanced());
        assertFalse(VersionChanges.set(List.of(), "judge", 5, 4).balanced());
        assertEquals(
                Map.of("train", Map.of("(none)", 1L)),
                changes("v2", "v1").sets().get("classifier").added());
    }

    @Test
    void theNewEntryComesFirstAndTheParentsEntriesFollowOnce() {
        String first = Changelog.markdown(changes("v1", null), null);
        String second = Changelog.markdown(changes("v2", "v1"), first);
        assertTrue(first.startsWith("# Changelog\n\n## v1 "));
        assertTrue(first.contains("First version; run run-v1."));
        assertTrue(second.indexOf("## v2 ") < second.indexOf("## v1 "));
        assertEquals(1, second.split("# Changelog", -1).length - 1);
        assertTrue(second.contains("Parent version: v1"));
        assertTrue(second.contains("| judge | train | math_qa | 7 | 0 |"));
        assertTrue(second.contains("| judge | validation | open_qa | 0 | 3 |"));
        assertTrue(second.contains("- judge: 104 records (100 before, +7, -3)"));
        assertTrue(second.contains("references +6, changed 1, -1 (18 unchanged)"));
        assertTrue(second.contains("Calls: 224 (3 answered from the store)"));
        assertTrue(second.contains("cost: $0.1250"));
    }
}
