package io.judgeforge.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.json.Json;
import io.judgeforge.refresh.RefreshPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which versions and runs the refresh command sees, on plain files (no Spark). */
class PublishedVersionsTest {
    @TempDir
    Path out;

    private final HadoopFiles files = HadoopFiles.beforeSession();

    private RunLayout layout() {
        return new RunLayout(out.toUri().toString(), "-");
    }

    private void plan(String runId, String parent) {
        RunLayout run = new RunLayout(layout().out(), runId);
        files.writeText(
                run.refresh() + "/plan.json",
                Json.write(new RefreshPlan(parent, parent == null ? null : "run-" + parent, Map.of(), Map.of())));
    }

    private void publish(String version, String createdAt) {
        files.writeText(
                layout().version(version) + "/manifest.json",
                "{\"version\":\"" + version + "\",\"run_id\":\"" + version + "\",\"created_at\":\"" + createdAt
                        + "\"}");
    }

    @Test
    void aRefreshThatDiedBeforePublishingIsResumedOnlyOnTheVersionItWasPlannedOn() {
        assertNull(PublishedVersions.unfinishedRefresh(files, layout(), null), "no runs at all");
        plan("20261201-023000-aaaa", null);
        publish("20261201-023000-aaaa", "2026-12-01T02:40:00Z");
        RefreshDelta.Parent v1 = new RefreshDelta.Parent("20261201-023000-aaaa", "20261201-023000-aaaa");
        assertNull(PublishedVersions.unfinishedRefresh(files, layout(), v1), "the first refresh published");

        plan("20261202-023000-bbbb", "20261201-023000-aaaa"); // died in judge
        plan("20261203-023000-cccc", "20261130-023000-zzzz"); // planned on a version LATEST no longer names
        assertEquals("20261202-023000-bbbb", PublishedVersions.unfinishedRefresh(files, layout(), v1));

        publish("20261202-023000-bbbb", "2026-12-02T02:50:00Z");
        assertNull(PublishedVersions.unfinishedRefresh(files, layout(), v1), "once published it is done");
    }

    @Test
    void pruningKeepsTheNewestAndLatestAndIgnoresFoldersWithoutAManifest() throws Exception {
        publish("v1", "2026-12-01T02:40:00Z");
        publish("v2", "2026-12-02T02:40:00Z");
        publish("v3", "2026-12-03T02:40:00Z");
        Files.createDirectories(out.resolve("datasets/v0-unfinished"));
        files.writeText(layout().latest(), "v1\n");
        assertEquals(List.of("v2"), PublishedVersions.prune(files, layout(), 1));
        assertTrue(Files.exists(out.resolve("datasets/v1")), "LATEST's version stays, however old");
        assertTrue(Files.exists(out.resolve("datasets/v3")));
        assertTrue(Files.exists(out.resolve("datasets/v0-unfinished")), "not a version: not pruned");
        assertEquals(List.of(), PublishedVersions.prune(files, layout(), 0));
    }
}
