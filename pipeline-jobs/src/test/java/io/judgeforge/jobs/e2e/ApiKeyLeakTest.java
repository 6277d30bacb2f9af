package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A run whose endpoint key is a sentinel: the key must appear in nothing the run writes or prints:
 * run folders, item logs and quarantine rows, the response store, the published dataset and its
 * manifest, and the command's own output. Parquet is compressed, so its rows are read and searched
 * as text too.
 */
@Tag("spark")
class ApiKeyLeakTest {
    static final String VARIABLE = "JUDGEFORGE_TEST_SENTINEL_KEY";

    @Test
    void theKeyAppearsInNoOutput() throws Exception {
        String sentinel = System.getenv(VARIABLE);
        Assumptions.assumeTrue(
                sentinel != null, VARIABLE + " is set by the build's Surefire configuration; run with Maven");
        // The shared reference run (quota 1, every stage) sends this key where the build sets it.
        PipelineRuns.Run run = PipelineRuns.reference();
        Path out = run.out();
        assertFalse(run.stdout().contains(sentinel));
        assertFalse(run.stderr().contains(sentinel));

        // A planted copy proves the search finds the key where it is.
        Path planted = Files.writeString(out.resolve("planted-control.txt"), "key=" + sentinel);
        List<Path> leaks = new ArrayList<>();
        List<Path> parquetDirs = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files++;
                    if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(sentinel)) {
                        leaks.add(p);
                    }
                    if (p.getFileName().toString().endsWith(".parquet") && !parquetDirs.contains(p.getParent())) {
                        parquetDirs.add(p.getParent());
                    }
                }
            }
        }
        assertTrue(files > 50, "the run wrote its outputs: " + files + " files");
        assertTrue(parquetDirs.size() > 10, "found " + parquetDirs.size() + " Parquet datasets");
        for (Path dir : parquetDirs) {
            for (String row : SparkSession.active()
                    .read()
                    .parquet(dir.toString())
                    .toJSON()
                    .collectAsList()) {
                if (row.contains(sentinel)) {
                    leaks.add(dir);
                    break;
                }
            }
        }
        Files.delete(planted);
        assertEquals(List.of(planted), leaks, "the API key leaked into these outputs");
        assertTrue(Files.isDirectory(out.resolve("store")), "the response store was written and searched");
    }
}
