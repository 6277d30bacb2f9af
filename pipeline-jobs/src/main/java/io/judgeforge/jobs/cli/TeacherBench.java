package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One teacher-path benchmark case: N distinct answer requests through {@link TeacherStep} (the
 * pipeline's Spark path: partitions, bounded in-flight calls, JVM-wide limits) against a fresh
 * simulator with a fixed latency and, optionally, a server-side RPM limit, which the client is told
 * or not. The rate is measured from the first call's start to the last call's end, so Spark's job
 * overhead is left out.
 */
final class TeacherBench {
    /** What a case measured; {@code failed} requests got no answer within the attempts allowed. */
    record Result(
            String name,
            int requests,
            double idealRps,
            double achievedRps,
            long http429,
            long duplicates,
            long failed,
            double seconds) {
        double ratio() {
            return achievedRps / idealRps;
        }

        /** The figures as {@code bench teacher --json} prints them. */
        Map<String, Object> figures() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requests", requests);
            out.put("ideal_rps", idealRps);
            out.put("achieved_rps", achievedRps);
            out.put("ratio", ratio());
            out.put("http_429", http429);
            out.put("duplicate_requests", duplicates);
            out.put("failed", failed);
            out.put("seconds", seconds);
            return out;
        }
    }

    /** The options every case reads its parameters from. */
    record Settings(
            int requests, int latencyMs, int latencyP99Ms, int inFlight, int rpm, int partitions, long rateWindowMs) {}

    /** The cases {@code bench teacher --cases} selects, by name. */
    enum Case {
        /** No server limit: ideal = in-flight / latency. */
        UNLIMITED("unlimited"),
        /** The server allows R per minute and the client is configured with the same R. */
        RATE_LIMITED("rate-limited"),
        /** As rate-limited, at one call at a time per partition (SynapseML's default). */
        ONE_AT_A_TIME("one-at-a-time"),
        /** As unlimited, at one call at a time per partition. */
        ONE_AT_A_TIME_UNLIMITED("one-at-a-time-unlimited"),
        /**
         * The server allows R per minute over a short sliding window and the client is not told R (its rpm is 0):
         * only AIMD, {@code Retry-After} and the x-ratelimit headers can find the limit.
         */
        CLIENT_UNAWARE("client-unaware");

        static final List<Case> DEFAULT = List.of(UNLIMITED, RATE_LIMITED, ONE_AT_A_TIME, ONE_AT_A_TIME_UNLIMITED);

        final String key;

        Case(String key) {
            this.key = key;
        }

        static List<Case> parse(String commaSeparated) {
            List<Case> out = new ArrayList<>();
            for (String name : commaSeparated.split(",")) {
                Case found = null;
                for (Case c : values()) {
                    found = c.key.equals(name.strip()) ? c : found;
                }
                if (found == null) {
                    throw ConfigException.invalid(
                            "--cases",
                            name,
                            "one of "
                                    + String.join(
                                            ",",
                                            Arrays.stream(values())
                                                    .map(c -> c.key)
                                                    .toList()));
                }
                if (!out.contains(found)) {
                    out.add(found);
                }
            }
            return List.copyOf(out);
        }

        Result run(SparkSession spark, Settings s) throws IOException, InterruptedException {
            int perTask = this == ONE_AT_A_TIME || this == ONE_AT_A_TIME_UNLIMITED ? 1 : s.inFlight();
            int serverRpm = this == UNLIMITED || this == ONE_AT_A_TIME_UNLIMITED ? 0 : s.rpm();
            int clientRpm = this == CLIENT_UNAWARE ? 0 : serverRpm;
            // The told cases keep the minute window of the earlier measurements; over a minute, a client that is not
            // told the limit would meet no 429 before the minute's allowance is spent.
            long window = this == CLIENT_UNAWARE ? s.rateWindowMs() : 60_000;
            return TeacherBench.run(
                    spark,
                    key,
                    s.requests(),
                    s.latencyMs(),
                    s.latencyP99Ms(),
                    s.inFlight(),
                    perTask,
                    serverRpm,
                    clientRpm,
                    window,
                    s.partitions());
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
            int latencyP99Ms,
            int inFlight,
            int perTask,
            int serverRpm,
            int clientRpm,
            long rateWindowMs,
            int partitions)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "--port",
                "0",
                "--latency-ms",
                String.valueOf(latencyMs),
                "--threads",
                String.valueOf(Math.max(64, inFlight * 2)),
                "--rpm",
                String.valueOf(serverRpm),
                "--rate-window-ms",
                String.valueOf(rateWindowMs)));
        if (latencyP99Ms > 0) {
            // Latency that varies as real providers' does, with latencyMs its mean.
            arguments.addAll(List.of("--latency-dist", "lognormal", "--latency-p99-ms", String.valueOf(latencyP99Ms)));
        }
        try (LocalEndpointServer simulator = LocalEndpointServers.startSimulator(NEEDS_SIMULATOR, "", arguments)) {
            // A fresh endpoint name per case: the JVM-wide limits and AIMD state start clean.
            String endpointName = "bench-" + name + "-" + System.nanoTime();
            Endpoint endpoint = new Endpoint(simulator.baseUrl(), "", 60_000, inFlight, 6, clientRpm, 0);
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
            if (!result.report().balanced() || result.report().in() != requests) {
                throw new IllegalStateException("bench case " + name + " lost requests: " + result.report());
            }
            double seconds = (LAST_END.get() - FIRST_START.get()) / 1e9;
            com.fasterxml.jackson.databind.JsonNode stats = stats(simulator);
            long ok = stats.path("by_status").path("200").asLong(0);
            long limited = stats.path("rate_limited").asLong(0);
            long answered = result.report().out();
            double ideal = serverRpm > 0
                    ? Math.min(serverRpm / 60.0, inFlight * 1000.0 / latencyMs)
                    : inFlight * 1000.0 / latencyMs;
            // The rate counts answered requests only: a failed one is no progress.
            return new Result(
                    name, requests, ideal, answered / seconds, limited, ok - answered, requests - answered, seconds);
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
