package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.Stage;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.respond.AnswerCollector;
import io.judgeforge.stage.respond.AnswerTask;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.TeacherClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
 * A Spark task dies after its calls were made and is retried; then the whole step is rerun. With
 * the response store, the endpoint sees every distinct request exactly once.
 */
@Tag("spark")
class ExactlyOnceSparkTest {
    static final int ITEMS = 24;
    static SparkSession spark;
    static SimulatorServer simulator;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        // local[2,4]: two cores and up to four attempts per task, so a failed task is retried.
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
        spark = SparkSession.builder()
                .master("local[2,4]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        simulator = SimulatorServer.start(SimulatorSettings.defaults(), 0);
    }

    @AfterAll
    static void stop() {
        spark.stop();
        simulator.close();
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
                    "Give three tips for learning to play chess, item " + i + ".",
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

    static TeacherStep<AnswerTask, Response> step(String crashFlag) {
        Endpoint sim = new Endpoint(simulator.baseUrl(), "", 30_000, 4, 2);
        TeacherClients clients = new TeacherClients(
                Map.of("sim", sim),
                HadoopResponseStore.factory(
                        dir.resolve("store").toUri().toString(),
                        spark.sparkContext().hadoopConfiguration()));
        AnswerCollector collector = new AnswerCollector();
        Stage<AnswerTask, Response> crashOnceAfterCalling = (task, c) -> {
            ItemOutcome<Response> result = collector.answer(task.instruction(), task.model(), c);
            try {
                Files.createFile(Path.of(crashFlag));
                // An Error, not an item failure: the whole task dies, as when an executor is lost.
                throw new AssertionError("simulated executor loss after the call was paid for");
            } catch (FileAlreadyExistsException once) {
                return result;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        return new TeacherStep<>(
                "respond",
                "answer-calls",
                AnswerTask.class,
                Response.class,
                crashOnceAfterCalling,
                AnswerTask::id,
                t -> t.instruction().scenario(),
                clients,
                4);
    }

    static long chatRequestsSeen() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl().replace("/v1", "/sim/stats")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode stats = Json.mapper().readTree(r.body());
        return stats.at("/by_path/~1v1~1chat~1completions").asLong();
    }

    @Test
    void aRetriedTaskAndARerunPayForNothingTwice() throws Exception {
        String flag = dir.resolve("crashed").toString();
        StepOutput first = step(flag)
                .run(spark, tasks(), new RunLayout(dir.resolve("out").toUri().toString(), "run-1"), 3);
        StepReport report = first.report();
        assertTrue(Files.exists(Path.of(flag)), "a task did crash and was retried");
        assertEquals(ITEMS, report.out());
        assertEquals(ITEMS, chatRequestsSeen(), "each request reached the endpoint once, the crashed task's included");
        assertTrue(report.stored() >= 1, "the retry found the crashed attempt's responses in the store: " + report);
        assertEquals(ITEMS, report.calls() + report.stored());

        StepOutput rerun = step(flag)
                .run(spark, tasks(), new RunLayout(dir.resolve("out").toUri().toString(), "run-2"), 5);
        assertEquals(ITEMS, rerun.report().out());
        assertEquals(ITEMS, rerun.report().stored());
        assertEquals(0, rerun.report().calls());
        assertEquals(ITEMS, chatRequestsSeen(), "the rerun made no request at all");
        assertEquals(
                first.records().orderBy("id").collectAsList(),
                rerun.records().orderBy("id").collectAsList());
    }
}
