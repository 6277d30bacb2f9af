package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.respond.AnswerTask;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class RecordCodecSparkTest {
    static SparkSession spark() {
        return SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    static <T extends Record> List<T> roundTrip(Class<T> type, List<T> values, Path dir) {
        RecordCodec<T> codec = RecordCodec.of(type);
        Dataset<Row> ds =
                spark().createDataFrame(values.stream().map(codec::toRow).toList(), codec.schema());
        ds.write().parquet(dir.resolve("t").toString());
        return spark().read().parquet(dir.resolve("t").toString()).orderBy("id").collectAsList().stream()
                .map(codec::fromRow)
                .toList();
    }

    @Test
    void recordsWithListsEnumsAndNullsSurviveParquet(@TempDir Path dir) {
        List<GenerationTask> tasks = List.of(
                new GenerationTask(
                        "a",
                        "close_qa",
                        GenerationMethod.REFERENCE,
                        5,
                        3L,
                        "ref-1",
                        "text",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("s1", "s2")),
                new GenerationTask(
                        "b",
                        "math_qa",
                        GenerationMethod.QUIZ,
                        2,
                        null,
                        null,
                        null,
                        "easy",
                        "kids",
                        "math",
                        "sums",
                        "solve",
                        List.of()));
        assertEquals(tasks, roundTrip(GenerationTask.class, tasks, dir));
    }

    @Test
    void nestedRecordsBecomeStructs(@TempDir Path dir) {
        Instruction i = new Instruction(
                "i1", "close_qa", "close_qa", null, "reference", "Why?", "t", "r", List.of("s"), "v", "m", "h", null);
        AnswerModel m = new AnswerModel("small", "sim", "sim-6b", 0.5, 64);
        RecordCodec<AnswerTask> codec = RecordCodec.of(AnswerTask.class);
        assertEquals("struct", codec.schema().apply("instruction").dataType().typeName());
        Dataset<Row> ds = spark().createDataFrame(List.of(codec.toRow(new AnswerTask(i, m))), codec.schema());
        ds.write().parquet(dir.resolve("t").toString());
        assertEquals(
                new AnswerTask(i, m),
                codec.fromRow(
                        spark().read().parquet(dir.resolve("t").toString()).first()));
    }

    @Test
    void columnNamesAreSnakeCase() {
        assertEquals(
                List.of(
                        "id",
                        "scenario",
                        "intended_scenario",
                        "predicted_scenario",
                        "method",
                        "text",
                        "task_id",
                        "reference_id",
                        "seed_example_ids",
                        "template_version",
                        "teacher_model",
                        "request_hash",
                        "reference_answer"),
                List.of(RecordCodec.of(Instruction.class).schema().fieldNames()));
    }
}
