package io.judgeforge.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.StepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generate's input steps on a handful of bad rows: a field of the wrong type is quarantined, not coerced to its JSON
 * text, and the passages of a document over inputs.max-chunks-per-document are filtered, not silently kept; every
 * step balances.
 */
@Tag("spark")
class BadInputSparkTest {
    static final Path CONF = Path.of("../conf").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    PipelineContext context(String... overrides) throws Exception {
        // A session of its own (sharing the context): a handful of rows need no 200 shuffle partitions.
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate()
                .newSession();
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        PipelineConfig config = ConfigLoader.bind(
                ConfigLoader.tree(Files.readString(CONF.resolve("local.yaml")), List.of(overrides)),
                Map.of("simulator.base-url", "http://127.0.0.1:0/v1"));
        ScenarioCatalog catalog =
                ScenarioCatalog.parse(Files.readString(CONF.resolve("scenarios.yaml")), "scenarios.yaml");
        return new PipelineContext(
                spark,
                config,
                null,
                catalog,
                null,
                List.of(),
                CONF.toUri().toString(),
                new RunLayout(dir.resolve("out").toUri().toString(), "run-1"),
                new HadoopFiles(new Configuration()),
                line -> {});
    }

    /** Each rejected row's id (or "(none)") with its reason and detail. */
    static Map<String, String> rejects(StepOutput step) {
        Map<String, String> byId = new TreeMap<>();
        for (Row r : step.rejects().collectAsList()) {
            String id = r.getAs("item_id");
            byId.put(id == null ? "(none)" : id, r.getAs("reason") + ": " + r.getAs("detail"));
        }
        return byId;
    }

    static void assertBalanced(StepReport report) {
        assertEquals(report.in(), report.out() + report.filtered() + report.quarantined(), report.toString());
    }

    @Test
    void referenceRowsOfTheWrongTypeAreQuarantinedAndAHugeDocumentIsCappedWithAReason() throws Exception {
        Path refs = Files.write(
                dir.resolve("refs.jsonl"),
                List.of(
                        "{\"id\":\"ok\",\"text\":\"Rivers carve valleys over ages.\"}",
                        "{\"id\":\"num\",\"text\":42}",
                        "{\"id\":\"arr\",\"text\":[\"Rivers\",\"carve\"]}",
                        "{\"id\":7,\"text\":\"An id that is a number.\"}",
                        "",
                        "{\"id\":\"cut\",\"text\":\"Not closed",
                        "{\"id\":\"big\",\"text\":\"" + "Bees dance to share where flowers are. ".repeat(40) + "\"}"));
        PipelineContext ctx = context(
                "inputs.references=" + refs,
                "inputs.chunk-chars=200",
                "inputs.chunk-overlap-chars=20",
                "inputs.max-chunks-per-document=3");
        List<StepOutput> steps = ReferencesStep.read(ctx);
        StepReport references = steps.get(0).report();
        // Before, "42", "[\"Rivers\",\"carve\"]" and "7" were passages.
        assertEquals(6, references.in(), "the blank line is no row");
        assertEquals(2, references.out());
        assertEquals(4, references.quarantined());
        assertBalanced(references);
        Map<String, String> quarantined = rejects(steps.get(0));
        assertEquals("wrong_type: field 'text' is a number, expected a string", quarantined.get("num"));
        assertEquals("wrong_type: field 'text' is an array, expected a string", quarantined.get("arr"));
        assertEquals("wrong_type: field 'id' is a number, expected a string", quarantined.get("7"));
        assertEquals(
                1,
                quarantined.values().stream()
                        .filter(v -> v.startsWith("malformed_json: "))
                        .count(),
                "a line that is not JSON is still malformed_json: " + quarantined);

        StepReport passages = steps.get(1).report();
        assertEquals("passages", passages.step());
        assertEquals(references.produced(), passages.in(), "every passage cut is counted");
        assertEquals(1 + 3, passages.out(), "ok's one passage and big's first three");
        assertEquals(passages.in() - 4, passages.filtered());
        assertEquals(Map.of("too_many_chunks", passages.filtered()), passages.reasons());
        assertBalanced(passages);
        Map<String, String> filtered = rejects(steps.get(1));
        assertTrue(filtered.get("big#3").startsWith("too_many_chunks: passage 4 of "), filtered.toString());
    }

    @Test
    void importedRowsOfTheWrongTypeAreQuarantinedWithTheFieldAndType() throws Exception {
        Path rows = Files.write(
                dir.resolve("imports.jsonl"),
                List.of(
                        "{\"id\":\"a\",\"text\":\"How do bees share where flowers are?\"}",
                        "{\"id\":\"b\",\"text\":12345}",
                        "{\"id\":\"c\",\"text\":[\"How\",\"why\"]}",
                        "{\"id\":9,\"text\":\"Why is the sky blue?\"}"));
        StepOutput imported = ImportedInstructions.read(context("inputs.instructions=" + rows));
        assertEquals(4, imported.report().in());
        assertEquals(1, imported.report().out());
        assertEquals(3, imported.report().quarantined());
        assertBalanced(imported.report());
        Map<String, String> expected = new TreeMap<>(Map.of(
                "b", "wrong_type: field 'text' is a number, expected a string",
                "c", "wrong_type: field 'text' is an array, expected a string",
                "9", "wrong_type: field 'id' is a number, expected a string"));
        assertEquals(expected, rejects(imported));

        // A Parquet column of numbers is read as such, and named.
        Path parquet = dir.resolve("imports.parquet");
        SparkSession.builder()
                .getOrCreate()
                .sql("SELECT 9L AS id, 'Why is the sky blue?' AS text")
                .write()
                .parquet(parquet.toString());
        StepOutput typed = ImportedInstructions.read(context("inputs.instructions=" + parquet));
        List<String> reasons = new ArrayList<>(rejects(typed).values());
        assertEquals(List.of("wrong_type: field 'id' is a bigint column, expected a string"), reasons);
    }

    @Test
    void aRefreshsDeltaKeepsTheFirstReadsVerdictsSoTheDeltaRunStillQuarantinesThem() throws Exception {
        Path refs = Files.write(
                dir.resolve("refs.jsonl"),
                List.of(
                        "{\"id\":\"ok\",\"text\":\"Rivers carve valleys over ages.\"}",
                        "{\"id\":\"num\",\"text\":42}",
                        "{\"id\":\"cut\",\"text\":\"Not closed"));
        PipelineContext first = context("inputs.references=" + refs);
        RefreshDelta.plan(first, null, Map.of());

        // The delta run reads the delta's Parquet, where 42 is already the string "42".
        String delta = first.layout().refresh() + "/references";
        List<StepOutput> steps =
                ReferencesStep.read(context("inputs.references=" + delta, "inputs.references-format=parquet"));
        Map<String, String> quarantined = rejects(steps.get(0));
        assertEquals("wrong_type: field 'text' is a number, expected a string", quarantined.get("num"));
        assertEquals(1, steps.get(0).report().out(), quarantined.toString());
        assertEquals(2, steps.get(0).report().quarantined(), "the wrong type and the line that did not parse");
        assertBalanced(steps.get(0).report());
    }
}
