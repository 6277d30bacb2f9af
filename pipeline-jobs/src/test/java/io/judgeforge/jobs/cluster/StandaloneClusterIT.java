package io.judgeforge.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.e2e.PipelineRuns;
import io.judgeforge.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pipeline submitted with spark-submit's own class, in client mode, from the shaded jar
 * of this build's Spark line, to a standalone cluster of two one-core workers in JVMs of their own.
 * The teacher is the simulator in a third JVM; it wants an API key that only the submitting shell
 * holds, and limits each model's requests per window as a provider does.
 */
@Tag("cluster")
class StandaloneClusterIT {
    static final String KEY_VARIABLE = "JUDGEFORGE_TEST_SENTINEL_KEY";
    // The provider allows 1200 requests a minute per model, counted over 4-second windows (80 a
    // window). The run asks for 900: one second's burst plus 4 seconds at 900 a minute is 75 a
    // window, under 80. Two executors each keeping to 900 on their own would send 150 a window.
    static final int PROVIDER_RPM = 1200;
    static final int RUN_RPM = 900;
    static final String PROVIDER_WINDOW_MS = "4000";

    @TempDir
    static Path dir;

    static StandaloneCluster cluster;
    static String sentinel;
    static Path jar;
    static String conf;

    @BeforeAll
    static void startCluster() throws Exception {
        jar = Path.of(required("judgeforge.shaded.jar"));
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built before the integration tests: " + jar);
        sentinel = System.getenv(KEY_VARIABLE);
        assertNotNull(sentinel, KEY_VARIABLE + " is set by the build's Failsafe configuration");
        conf = Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString();
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, distributionExtras());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The run must publish the shards that local mode publishes with the same config and response
     * store; no request may be refused for its rate although two executors share the provider's
     * limit; and the key must appear nowhere the cluster writes: event log, executor and daemon logs,
     * outputs and store.
     */
    @Test
    void theReadmePipelinePublishesTheShardsOfLocalModeWithinTheProvidersRateAndLeaksNoKey() throws Exception {
        // The whole run on a standalone cluster is checked once, on the Spark 3.5 line (the clusters users
        // most often have), against the shards of local mode on this line, which it hands over here. On the
        // 4.0 line, executors in other JVMs run generation on YARN and under the budget below (suite time).
        Path localShards = Path.of(required("judgeforge.local.shards"));
        if (!Boolean.getBoolean("judgeforge.cluster.one-line-only")) {
            Path reference = Path.of("target", "reference-run");
            assertTrue(
                    Files.isDirectory(reference),
                    "the Surefire tests of this build made local mode's reference run: " + reference.toAbsolutePath());
            Files.createDirectories(localShards.getParent());
            Files.writeString(localShards, Json.write(PipelineRuns.shards(manifest(reference))));
            Assumptions.abort("the whole run on a standalone cluster is checked on the Spark 3.5 line");
        }
        Path store = dir.resolve("store");
        List<String> run = new ArrayList<>(List.of("run", "--conf", conf));
        // Two partitions, one a worker: fewer, larger tasks than the README's 8 (shards do not depend on it).
        for (String s : List.of(
                "generate.quota=1",
                "simulator.start=false",
                "endpoints.sim.api-key-env=" + KEY_VARIABLE,
                "store.path=" + store,
                "spark.partitions=2",
                "spark.shuffle-partitions=2",
                "export.shard-records=20",
                "progress.interval-ms=500")) {
            run.addAll(List.of("--set", s));
        }
        List<String> simFlags =
                new ArrayList<>(List.of("--port", "0", "--seed", "7", "--latency-ms", "2", "--require-key", sentinel));
        run.addAll(List.of("--set", "endpoints.sim.rpm=" + RUN_RPM));
        simFlags.addAll(List.of("--rpm", String.valueOf(PROVIDER_RPM), "--rate-window-ms", PROVIDER_WINDOW_MS));
        try (SimulatorProcess sim = SimulatorProcess.start(dir.resolve("simulator.log"), simFlags)) {
            run.addAll(List.of("--set", "endpoints.sim.base-url=" + sim.baseUrl));
            Path events = Files.createDirectories(dir.resolve("cluster/event-log"));
            Path submitLog = dir.resolve("cluster/submit.log");
            List<String> clusterRun = new ArrayList<>(run);
            clusterRun.addAll(List.of("--out", dir.resolve("cluster-out").toString()));
            long started = System.nanoTime();
            int code = cluster.submit(
                    submitLog,
                    Map.of(KEY_VARIABLE, sentinel),
                    List.of(
                            "--conf",
                            "spark.executor.memory=640m",
                            "--conf",
                            "spark.locality.wait=0s",
                            "--conf",
                            "spark.executor.extraJavaOptions=" + StandaloneCluster.QUICK_JVM,
                            "--conf",
                            "spark.eventLog.enabled=true",
                            "--conf",
                            "spark.eventLog.dir=" + events.toUri(),
                            "--conf",
                            "spark.eventLog.compress=false"),
                    jar,
                    clusterRun,
                    900);
            assertEquals(0, code, "spark-submit failed; the end of its log:\n" + tail(submitLog));
            JsonNode stats = sim.stats();
            long clusterCalls = stats.path("total").asLong();
            System.out.printf(
                    "standalone cluster: spark-submit ran the pipeline in %.1f s with %d teacher calls%n",
                    (System.nanoTime() - started) / 1e9, clusterCalls);
            assertTrue(clusterCalls > 100, "the executors called the teacher: " + clusterCalls + " requests");
            assertEquals(Set.of("0", "1"), executorsThatRanTasks(events), "both workers' executors ran tasks");
            assertTrue(
                    Files.readString(submitLog).contains("counted for all executors by the driver at http://"),
                    "the driver served the limits: " + tail(submitLog));
            assertEquals(0, stats.path("rate_limited").asLong(), "no request was refused for its rate: " + stats);
            // Live progress from executors in other JVMs: their heartbeats' and finished tasks' accumulators reached
            // the driver, which drew live lines and a last line per step that counts every committed item; the
            // accumulators are in the event log, which the Spark UI and the history server show.
            String console = Files.readString(submitLog);
            assertTrue(
                    console.lines()
                            .anyMatch(l -> PipelineRuns.LIVE_LINE.matcher(l).matches()),
                    tail(submitLog));
            List<String> lastLines = PipelineRuns.lastLines(manifest(dir.resolve("cluster-out")));
            assertTrue(lastLines.size() >= 6, lastLines.toString());
            assertEquals(List.of(), PipelineRuns.missing(lastLines, console), tail(submitLog));
            assertTrue(
                    eventLogText(events).contains("\"judgeforge judge items\""), "named accumulators in the event log");

            Map<String, String> clusterShards = PipelineRuns.shards(manifest(dir.resolve("cluster-out")));
            for (String set : List.of("judge/train/", "classifier/train/", "questioner/train/")) {
                assertTrue(
                        clusterShards.keySet().stream().anyMatch(k -> k.startsWith(set)),
                        set + " in " + clusterShards.keySet());
            }
            // The shards of local mode: the reference run the Surefire tests of this build made on the
            // Spark 4.0 line (the README's config at quota 1, shards of 20: this run's config, with 8
            // partitions instead of 2, which shards do not depend on). This line's cluster must publish the
            // same bytes.
            assertTrue(
                    Files.exists(localShards), "the Spark 4.0 line's build wrote local mode's shards: " + localShards);
            assertEquals(
                    Json.read(Files.readString(localShards), Map.class),
                    clusterShards,
                    "this line's cluster published the shards of local mode on Spark 4.0, byte for byte");
        }
        assertKeyFoundNowhere(sentinel, dir);
    }

    /**
     * Generation with a USD budget that runs out while both executors are calling: their calls are
     * booked with the driver, so together they never pass it.
     */
    @Test
    void twoExecutorsTogetherNeverPassTheBudget() throws Exception {
        // The budget is booked by pipeline-core's classes, the same on both lines; one line runs it.
        Assumptions.assumeFalse(
                Boolean.getBoolean("judgeforge.cluster.one-line-only"),
                "the shared budget is tested on the Spark 4.0 line's cluster");
        // One instruction a call, about 0.007 USD each, booked at about 0.05 (its worst case): 20 calls
        // would cost about 0.14.
        double maxUsd = 0.08;
        try (SimulatorProcess sim = SimulatorProcess.start(
                dir.resolve("budget-simulator.log"), List.of("--port", "0", "--seed", "7", "--latency-ms", "20"))) {
            Path out = dir.resolve("budget-out");
            List<String> generate = new ArrayList<>(List.of("generate", "--conf", conf, "--out", out.toString()));
            for (String s : List.of(
                    "generate.quota=2",
                    "generate.per-call=1",
                    "simulator.start=false",
                    "endpoints.sim.base-url=" + sim.baseUrl,
                    "store.path=" + dir.resolve("budget-store"),
                    "prices.sim-gpt-4={input: 10, output: 30}",
                    "budget.max-usd=" + maxUsd,
                    "spark.partitions=2",
                    "spark.shuffle-partitions=2")) {
                generate.addAll(List.of("--set", s));
            }
            Path log = dir.resolve("cluster/budget-submit.log");
            assertEquals(
                    0,
                    cluster.submit(
                            log,
                            Map.of(),
                            List.of(
                                    "--conf",
                                    "spark.executor.memory=640m",
                                    "--conf",
                                    "spark.locality.wait=0s",
                                    "--conf",
                                    "spark.executor.extraJavaOptions=" + StandaloneCluster.QUICK_JVM),
                            jar,
                            generate,
                            600),
                    tail(log));
            JsonNode report;
            try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
                report = Json.read(
                        Files.readString(runs.findFirst().orElseThrow().resolve("generate/_report.json")),
                        JsonNode.class);
            }
            double spent = 0;
            long refused = 0;
            for (JsonNode step : report.path("steps")) {
                spent += step.path("cost_usd").asDouble();
                refused += step.at("/reasons/budget_exhausted").asLong();
            }
            System.out.printf(
                    "standalone cluster: generation spent %.4f of %.2f USD; %d calls refused by the budget%n",
                    spent, maxUsd, refused);
            assertTrue(refused > 0, "the budget ran out: " + report);
            assertTrue(spent <= maxUsd, "the two executors together spent " + spent + " of " + maxUsd);
            // A call is refused once its worst case (about 0.056 USD here) no longer fits beside what is spent.
            assertTrue(spent > maxUsd - 0.06, "they spent up to the budget, less a call's worst case: " + spent);
        }
    }

    /** Every file the cluster, the run and the store wrote, searched as bytes; the endpoint's own log excepted. */
    static String eventLogText(Path eventLogDir) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> logs = Files.walk(eventLogDir)) {
            for (Path log : (Iterable<Path>) logs.filter(Files::isRegularFile)::iterator) {
                text.append(Files.readString(log));
            }
        }
        return text.toString();
    }

    static void assertKeyFoundNowhere(String sentinel, Path dir, Path... alsoSearched) throws Exception {
        assertKeyFoundNowhere(sentinel, dir, 100, alsoSearched);
    }

    /** As above, with at least {@code minFiles} files searched. */
    static void assertKeyFoundNowhere(String sentinel, Path dir, int minFiles, Path... alsoSearched) throws Exception {
        Path planted = Files.writeString(dir.resolve("cluster/planted-control.txt"), "key=" + sentinel);
        List<Path> leaks = new ArrayList<>();
        int files = 0;
        List<Path> roots = new ArrayList<>(List.of(dir));
        roots.addAll(List.of(alsoSearched));
        for (Path root : roots) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && !p.startsWith(dir.resolve("cluster/spark-home"))
                            && !p.getFileName().toString().equals("simulator.log")) {
                        files++;
                        if (new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(sentinel)) {
                            leaks.add(p);
                        }
                    }
                }
            }
        }
        assertEquals(
                List.of(planted), leaks, "the key was found in these files (the planted control must be the only one)");
        assertTrue(files > minFiles, "searched the event log, executor logs, outputs and store: " + files + " files");
    }

    /** Executor ids of the tasks the event log records as finished. */
    static Set<String> executorsThatRanTasks(Path eventLogDir) throws Exception {
        Set<String> executors = new TreeSet<>();
        try (Stream<Path> logs = Files.walk(eventLogDir)) {
            for (Path log : (Iterable<Path>) logs.filter(Files::isRegularFile)::iterator) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains("\"SparkListenerTaskEnd\"")) {
                        executors.add(Json.read(line, JsonNode.class)
                                .path("Task Info")
                                .path("Executor ID")
                                .asText());
                    }
                }
            }
        }
        return executors;
    }

    static JsonNode manifest(Path out) throws Exception {
        String version = Files.readString(out.resolve("datasets/LATEST")).strip();
        return Json.read(
                Files.readString(out.resolve("datasets").resolve(version).resolve("manifest.json")), JsonNode.class);
    }

    /** Jars a real Spark distribution ships that Maven's Spark does not bring: OkHttp 3 and Okio 1. */
    static List<Path> distributionExtras() throws Exception {
        try (Stream<Path> jars = Files.list(Path.of(required("judgeforge.distribution.extras")))) {
            List<Path> found =
                    jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertEquals(2, found.size(), "okhttp 3 and okio 1: " + found);
            return found;
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        assertNotNull(value, property + " is set by the build's Failsafe configuration (mvn verify)");
        return value;
    }

    static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
