package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.simulator.BatchFaults;
import io.judgeforge.simulator.Faults;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.respond.AnswerCollector;
import io.judgeforge.stage.respond.AnswerTask;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.TeacherClients;
import io.judgeforge.teacher.cost.Spending;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher step in batch mode when batches leave requests unanswered: every line fails with a 500
 * the first time the simulator sees it, and no resubmit is allowed. The items are quarantined as
 * batch_unanswered or called online, as batch.on-unanswered says, and the failed lines count as calls.
 * (Resubmits that answer everything, at half the price, are checked by ShardsForAnyPartitioningTest.)
 */
@Tag("spark")
class BatchStepSparkTest {
    static final int ITEMS = 6;
    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Dataset<Row> tasks() {
        RecordCodec<AnswerTask> codec = RecordCodec.of(AnswerTask.class);
        AnswerModel model = new AnswerModel("small", "sim", "sim-13b", 0.8, 128);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Instruction instruction = new Instruction(
                    "i" + i,
                    "open_qa",
                    "open_qa",
                    "open_qa",
                    "reference",
                    "Name a good habit for a student, item " + i + ".",
                    "t",
                    "r",
                    List.of(),
                    "v",
                    "m",
                    "h",
                    null);
            rows.add(codec.toRow(new AnswerTask(instruction, model)));
        }
        return spark.createDataFrame(rows, codec.schema());
    }

    /** The step's report, run in batch mode against a simulator whose batch lines all fail once. */
    static StepReport run(String name, int maxResubmits, String onUnanswered, long[] onlineCalls) throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withFaults(Faults.NONE.withBatch(new BatchFaults(false, 1.0)));
        try (SimulatorServer sim = SimulatorServer.start(settings, 0)) {
            PipelineConfig.Batch batch = new PipelineConfig.Batch(
                    List.of("respond"), 1, "24h", maxResubmits, 6, 0.5, onUnanswered, 50_000, 200L * 1024 * 1024);
            TeacherClients clients = new TeacherClients(
                            Map.of("sim", new Endpoint(sim.baseUrl(), "", 30_000, 4, 2)),
                            HadoopResponseStore.factory(
                                    dir.resolve(name + "-store").toUri().toString(),
                                    spark.sparkContext().hadoopConfiguration()),
                            new Spending(Map.of("sim-13b", new PipelineConfig.Price(1, 2)), name, 0, 0))
                    .inBatches(batch, line -> {});
            AnswerCollector collector = new AnswerCollector();
            StepReport report = new TeacherStep<AnswerTask, Response>(
                            "respond",
                            "answer-calls",
                            AnswerTask.class,
                            Response.class,
                            (task, c) -> collector.answer(task.instruction(), task.model(), c),
                            AnswerTask::id,
                            t -> t.instruction().scenario(),
                            clients,
                            4)
                    .run(spark, tasks(), new RunLayout(dir.resolve(name).toUri().toString(), "run-1"), 2)
                    .report();
            HttpResponse<String> stats = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/stats")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            onlineCalls[0] = Json.read(stats.body(), JsonNode.class)
                    .at("/by_path/~1v1~1chat~1completions")
                    .asLong(0);
            return report;
        }
    }

    @Test
    void withoutAResubmitTheItemsAreQuarantinedOrCalledOnline() throws Exception {
        long[] online = new long[1];
        StepReport quarantined = run("quarantine", 0, PipelineConfig.Batch.QUARANTINE, online);
        assertEquals(ITEMS, quarantined.quarantined(), quarantined.toString());
        assertEquals(Map.of("batch_unanswered", (long) ITEMS), quarantined.reasons());
        assertEquals(ITEMS, quarantined.calls(), "the failed lines were run: they are calls");
        assertEquals(0, quarantined.costUsd(), "a failed line reports no usage");
        assertEquals(0, online[0], "no online call");

        StepReport called = run("online", 0, PipelineConfig.Batch.ONLINE, online);
        assertEquals(ITEMS, called.out(), called.toString());
        assertEquals(ITEMS, online[0], "each unanswered request was called online once");
        assertEquals(2 * ITEMS, called.calls(), "the failed batch lines and the online calls");
    }
}
