package io.judgeforge.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.refresh.RefreshPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of a refresh carries the parent version's records, less those whose source is gone: a
 * removed or changed reference document (through the parent's lineage) and a removed or changed
 * imported instruction (through its instruction id). NightlyRefreshIT covers passages end to end; this
 * covers imports, on a few rows.
 */
@Tag("spark")
class ParentVersionSparkTest {
    private static final StructType JUDGE = new StructType()
            .add("id", DataTypes.StringType)
            .add("split", DataTypes.StringType)
            .add("scenario", DataTypes.StringType)
            .add("instruction_id", DataTypes.StringType);

    @TempDir
    Path out;

    @Test
    void recordsOfGoneImportsAndDocumentsLeaveAndTheRestAreCarried() throws Exception {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        RunLayout layout = new RunLayout(out.toUri().toString(), "run-2");
        PipelineContext ctx = new PipelineContext(
                spark, null, null, null, null, List.of(), null, layout, HadoopFiles.beforeSession(), line -> {});

        // The parent: judge records of two imports, of an instruction written from doc-1 and one from doc-2.
        Path shards = out.resolve("datasets/v1/judge/train");
        Files.createDirectories(shards);
        Files.write(
                shards.resolve("part-00000.jsonl"),
                List.of(
                        judge("jdg-imp-a~m", "imp-a"),
                        judge("jdg-imp-b~m", "imp-b"),
                        judge("jdg-gen-open_qa-0000-1~m", "gen-open_qa-0000-1"),
                        judge("jdg-gen-open_qa-0001-1~m", "gen-open_qa-0001-1")));
        spark.createDataFrame(
                        List.of(
                                RowFactory.create("gen-open_qa-0000-1", "doc-1"),
                                RowFactory.create("gen-open_qa-0001-1", "doc-2")),
                        new StructType()
                                .add("instruction_id", DataTypes.StringType)
                                .add("document_id", DataTypes.StringType))
                .write()
                .json(layout.versionRefresh("v1") + "/lineage");
        // Since then: import b changed (or removed) and doc-2 removed.
        spark.createDataFrame(
                        List.of(RowFactory.create("instruction", "b"), RowFactory.create("reference", "doc-2")),
                        new StructType().add("kind", DataTypes.StringType).add("id", DataTypes.StringType))
                .write()
                .parquet(layout.refresh() + "/gone");

        Dataset<Row> fresh =
                spark.createDataFrame(List.of(RowFactory.create("jdg-imp-b~m", "train", "open_qa", "imp-b")), JUDGE);
        FineTuningSets.Built set = new FineTuningSets.Built("judge", "judge", fresh, null);
        ParentVersion.Merged merged = ParentVersion.merge(ctx, new RefreshPlan("v1", "run-1", Map.of(), Map.of()), set);

        assertEquals(
                List.of("jdg-gen-open_qa-0000-1~m", "jdg-imp-a~m", "jdg-imp-b~m"),
                ids(merged.examples()),
                "the new record of b, and the parent's records whose sources remain");
        assertEquals(List.of("jdg-gen-open_qa-0001-1~m", "jdg-imp-b~m"), ids(merged.dropped()));
        StepOutput step = merged.step();
        assertEquals("parent-judge", step.report().step());
        assertEquals(4, step.report().in());
        assertEquals(2, step.report().out());
        assertEquals(Map.of("input_removed", 2L), step.report().reasons());
        assertEquals(4, merged.parentRecords());
    }

    private static String judge(String id, String instruction) {
        return "{\"id\":\"" + id + "\",\"split\":\"train\",\"scenario\":\"open_qa\",\"instruction_id\":\"" + instruction
                + "\"}";
    }

    private static List<String> ids(Dataset<Row> records) {
        return List.copyOf(new TreeSet<>(
                records.select("id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));
    }
}
