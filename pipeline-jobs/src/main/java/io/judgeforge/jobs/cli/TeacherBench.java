package io.judgeforge.jobs.cli;

import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.Stage;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.respond.AnswerCollector;
import io.judgeforge.stage.respond.AnswerTask;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.TeacherClients;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.store.ResponseStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One teacher-path benchmark case: N distinct answer requests through {@link TeacherStep} (the
 * pipeline's Spark path: partitions, bounded in-flight calls, JVM-wide limits) against a fresh
 * simulator with a fixed latency and, optionally, a server-side RPM limit. The rate is measured
 * from the first call's start to the last call's end, so Spark's job overhead is left out.
 */
final class TeacherBench {
    /** What a case measured. */
    record Result(
            String name,
            int requests,
            double idealRps,
            double achievedRps,
            long http429,
            long duplicates,
            double seconds) {
        double ratio() {
            return achievedRps / idealRps;
        }
    }

    // Call times of the case running now; the bench runs in local mode, in this JVM.
    private static final AtomicLong FIRST_START = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_END = new AtomicLong(Long.MIN_VALUE);

    static final String NEEDS_SIMULATOR = "'bench teacher' runs against the simulator";

    private TeacherBench() {}

    static Result run(
            SparkSession spark,
            String name,
            int requests,
            int latencyMs,
            int inFlight,
            int perTask,
            int rpm,
            int partitions)
            throws IOException, InterruptedException {
        List<String> arguments = List.of(
                "--port",
                "0",
                "--latency-ms",
                String.valueOf(latencyMs),
                "--threads",
                String.valueOf(Math.max(64, inFlight * 2)),
                "--rpm",
                String.valueOf(rpm));
        try (LocalEndpointServer simulator = LocalEndpointServers.startSimulator(NEEDS_SIMULATOR, "", arguments)) {
            // A fresh endpoint name per case: the JVM-wide limits and AIMD state start clean.
            String endpointName = "bench-" + name + "-" + System.nanoTime();
            Endpoint endpoint = new Endpoint(simulator.baseUrl(), "", 60_000, inFlight, 6, rpm, 0);
            TeacherClients clients = new TeacherClients(Map.of(endpointName, endpoint), ResponseStore.Factory.NONE);
            AnswerCollector collector = new AnswerCollector();
            Stage<AnswerTask, Response> timed = (task, c) -> {
                FIRST_START.accumulateAndGet(System.nanoTime(), Math::min);
                ItemOutcome<Response> result = collector.answer(task.instruction(), task.model(), c);
                LAST_END.accumulateAndGet(System.nanoTime(), Math::max);
                return result;
            };
            TeacherStep<AnswerTask, Response> step = new TeacherStep<>(
                    "bench",
                    "answer-calls",
                    AnswerTask.class,
                    Response.class,
                    timed,
                    AnswerTask::id,
                    t -> t.instruction().scenario(),
                    clients,
                    perTask);
            FIRST_START.set(Long.MAX_VALUE);
            LAST_END.set(Long.MIN_VALUE);
            String out = Files.createTempDirectory("judgeforge-bench").toUri().toString();
            StepOutput result =
                    step.run(spark, tasks(spark, requests, endpointName), new RunLayout(out, name), partitions);
            if (result.report().out() != requests) {
                throw new IllegalStateException("bench case " + name + " lost requests: " + result.report());
            }
            double seconds = (LAST_END.get() - FIRST_START.get()) / 1e9;
            com.fasterxml.jackson.databind.JsonNode stats = stats(simulator);
            long ok = stats.path("by_status").path("200").asLong(0);
            long limited = stats.path("rate_limited").asLong(0);
            double ideal =
                    rpm > 0 ? Math.min(rpm / 60.0, inFlight * 1000.0 / latencyMs) : inFlight * 1000.0 / latencyMs;
            return new Result(name, requests, ideal, requests / seconds, limited, ok - requests, seconds);
        }
    }

    private static Dataset<Row> tasks(SparkSession spark, int n, String endpoint) {
        RecordCodec<AnswerTask> codec = RecordCodec.of(AnswerTask.class);
        AnswerModel model = new AnswerModel("bench", endpoint, "sim-13b", 0.8, 512);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instruction instruction = new Instruction(
                    "b" + i,
                    "open_qa",
                    "open_qa",
                    "open_qa",
                    "reference",
                    "Give three tips for a first marathon, variant " + i + ".",
                    "t",
                    null,
                    List.of(),
                    "v",
                    "m",
                    "h",
                    null);
            rows.add(codec.toRow(new AnswerTask(instruction, model)));
        }
        return spark.createDataFrame(rows, codec.schema());
    }

    private static com.fasterxml.jackson.databind.JsonNode stats(LocalEndpointServer simulator)
            throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(simulator.baseUrl().replace("/v1", "/sim/stats")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(r.body());
    }
}
