package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {
    static final PipelineConfig.Run UNNAMED = new PipelineConfig.Run("test", "", 1, 0.5);
    static final PipelineConfig.Run NAMED = new PipelineConfig.Run("test", "my-run", 1, 0.5);
    final HadoopFiles files = HadoopFiles.beforeSession();

    @Test
    void aNewRunIsNamedByTheConfigOrByTheTime() {
        assertEquals("my-run", RunIds.fresh(NAMED));
        String id = RunIds.fresh(UNNAMED);
        assertTrue(id.matches("\\d{8}-\\d{6}-[0-9a-f]{4}"), id);
    }

    @Test
    void theLatestRunIsTheFolderChangedLastWhateverItsName(@TempDir Path out) throws Exception {
        Path older = Files.createDirectories(out.resolve("runs/zzz-older"));
        Path newer = Files.createDirectories(out.resolve("runs/aaa-newer"));
        Files.writeString(out.resolve("runs/not-a-run.txt"), "x");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(out.resolve("runs/not-a-run.txt"), FileTime.fromMillis(3_000_000));
        String uri = Launch.localToUri(out.toString());
        assertEquals("aaa-newer", RunIds.latest(UNNAMED, files, uri));
        assertEquals("my-run", RunIds.latest(NAMED, files, uri), "run.id names the run");
    }

    @Test
    void withoutARunTheMessageSaysHowToStartOne(@TempDir Path out) throws Exception {
        String uri = Launch.localToUri(out.toString());
        String expected =
                "No run under " + uri + "/runs: start one with 'judgeforge generate' or 'run', or give --run-id";
        assertEquals(
                expected,
                assertThrows(ConfigException.class, () -> RunIds.latest(UNNAMED, files, uri))
                        .getMessage());
        Files.createDirectories(out.resolve("runs"));
        assertEquals(
                expected,
                assertThrows(ConfigException.class, () -> RunIds.latest(UNNAMED, files, uri))
                        .getMessage());
        assertNotEquals(expected, RunIds.latest(NAMED, files, uri));
    }
}
