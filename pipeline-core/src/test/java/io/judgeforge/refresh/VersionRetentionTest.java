package io.judgeforge.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.refresh.VersionRetention.Published;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRetentionTest {
    private static final List<Published> VERSIONS = List.of(
            new Published("v3", "2026-12-03T01:00:00Z"),
            new Published("v1", "2026-12-01T01:00:00.5Z"),
            new Published("v4", "2026-12-04T01:00:00.123456789Z"),
            new Published("v2", "2026-12-02T01:00:00Z"));

    @Test
    void keepsTheNewestByCreationTime() {
        assertEquals(List.of("v2", "v1"), VersionRetention.toPrune(VERSIONS, "v4", 2));
    }

    @Test
    void neverPrunesTheVersionLatestNamesEvenWhenItIsOld() {
        assertEquals(List.of("v3", "v2"), VersionRetention.toPrune(VERSIONS, "v1", 1));
    }

    @Test
    void zeroKeepsAll() {
        assertEquals(List.of(), VersionRetention.toPrune(VERSIONS, "v4", 0));
        assertEquals(List.of(), VersionRetention.toPrune(VERSIONS, "v4", 9));
    }

    @Test
    void instantsCompareAsTimesNotAsText() {
        // As text "...:00.5Z" sorts after "...:00Z" but "...:00Z" is earlier: the times decide.
        List<Published> two =
                List.of(new Published("a", "2026-12-01T01:00:00Z"), new Published("b", "2026-12-01T01:00:00.5Z"));
        assertEquals(List.of("a"), VersionRetention.toPrune(two, "b", 1));
    }
}
