package io.judgeforge.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's first stage submitted to YARN in client mode, as docs/cluster.md gives the command:
 * the driver in the submitting JVM, the ApplicationMaster and two executors in containers the
 * NodeManager launches. Spark's jars come from the assembled distribution ({@code spark.yarn.jars}
 * with {@code local:}, as on nodes that have Spark installed); the application jar is uploaded and
 * localized by YARN. The key is only in the submitting shell, and reaches executors in the tasks.
 * Generation is the stage with every kind of executor work (teacher calls through the driver's limit
 * service, MLlib's MinHash, the response store); the standalone test runs the whole pipeline on
 * executors of their own, so this one checks what YARN alone changes: how Spark and the application
 * reach the containers, and what the NodeManager writes.
 */
@Tag("cluster")
class YarnClusterIT {
    @TempDir
    static Path dir;

    @Test
    void generationRunsOnYarnInClientModeWithTheKeyInNoFileTheNodeManagerWrote() throws Exception {
        Path jar = Path.of(StandaloneClusterIT.required("judgeforge.shaded.jar"));
        String sentinel = System.getenv(StandaloneClusterIT.KEY_VARIABLE);
        String conf = Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString();
        List<Path> extras = new ArrayList<>(StandaloneClusterIT.distributionExtras());
        // A distribution built for YARN ships spark-yarn in jars/; Maven's Spark leaves it out.
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("spark-yarn_")) {
                extras.add(Path.of(entry));
            }
        }
        assertEquals(3, extras.size(), "okhttp 3, okio 1 and spark-yarn: " + extras);
        SparkHome spark = SparkHome.assemble(dir.resolve("cluster/spark-home"), extras);
        List<String> flags = List.of("--port", "0", "--seed", "7", "--latency-ms", "2", "--require-key", sentinel);
        try (YarnCluster yarn = YarnCluster.start(dir, "judgeforge-yarn-it");
                SimulatorProcess sim = SimulatorProcess.start(dir.resolve("simulator.log"), flags)) {
            Path out = dir.resolve("yarn-out");
            List<String> run = new ArrayList<>(List.of("generate", "--conf", conf, "--out", out.toString()));
            for (String s : List.of(
                    "generate.quota=1",
                    "simulator.start=false",
                    "endpoints.sim.api-key-env=" + StandaloneClusterIT.KEY_VARIABLE,
                    "endpoints.sim.base-url=" + sim.baseUrl,
                    "store.path=" + dir.resolve("store"),
                    "spark.partitions=2",
                    "spark.shuffle-partitions=2")) {
                run.addAll(List.of("--set", s));
            }
            Path events = Files.createDirectories(dir.resolve("cluster/event-log"));
            Path log = dir.resolve("cluster/submit.log");
            String javaHome = System.getProperty("java.home");
            long started = System.nanoTime();
            int code = spark.submit(
                    "yarn",
                    log,
                    Map.of(StandaloneClusterIT.KEY_VARIABLE, sentinel, "HADOOP_CONF_DIR", yarn.confDir.toString()),
                    List.of(
                            "--conf",
                            "spark.yarn.jars=local:" + spark.jars + "/*",
                            "--conf",
                            "spark.executor.instances=2",
                            "--conf",
                            "spark.executor.cores=1",
                            "--conf",
                            "spark.executor.memory=512m",
                            "--conf",
                            "spark.executor.memoryOverhead=256m",
                            "--conf",
                            "spark.yarn.am.memory=256m",
                            "--conf",
                            "spark.yarn.am.memoryOverhead=256m",
                            "--conf",
                            "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
                            "--conf",
                            "spark.executorEnv.JAVA_HOME=" + javaHome,
                            "--conf",
                            "spark.executor.extraJavaOptions=" + SparkHome.QUICK_JVM,
                            "--conf",
                            "spark.yarn.am.extraJavaOptions=" + SparkHome.QUICK_JVM,
                            "--conf",
                            "spark.locality.wait=0s",
                            "--conf",
                            "spark.eventLog.enabled=true",
                            "--conf",
                            "spark.eventLog.dir=" + events.toUri(),
                            "--conf",
                            "spark.eventLog.compress=false"),
                    jar,
                    run,
                    900,
                    yarn.confDir);
            assertEquals(
                    0,
                    code,
                    "spark-submit to YARN failed; the end of its log:\n" + StandaloneClusterIT.tail(log)
                            + "\napplications:\n" + yarn.applications());
            JsonNode stats = sim.stats();
            System.out.printf(
                    "yarn cluster: spark-submit ran generation in %.1f s with %d teacher calls%n",
                    (System.nanoTime() - started) / 1e9, stats.path("total").asLong());
            assertTrue(
                    yarn.applications().contains("SUCCEEDED"),
                    "YARN saw the application succeed: " + yarn.applications());
            assertEquals(
                    Set.of("1", "2"),
                    StandaloneClusterIT.executorsThatRanTasks(events),
                    "both YARN executors ran tasks");

            JsonNode report;
            try (var runs = Files.list(out.resolve("runs"))) {
                report = Json.read(
                        Files.readString(runs.findFirst().orElseThrow().resolve("generate/_report.json")),
                        JsonNode.class);
            }
            long planned = -1;
            for (JsonNode step : report.path("steps")) {
                assertEquals(
                        step.path("in").asLong(),
                        step.path("out").asLong()
                                + step.path("filtered").asLong()
                                + step.path("quarantined").asLong(),
                        "every record accounted for: " + step);
                planned = step.path("step").asText().equals("teacher-calls")
                        ? step.path("in").asLong()
                        : planned;
            }
            assertEquals(planned, stats.at("/by_path/~1v1~1chat~1completions").asLong(), "each planned call made once");
            assertTrue(report.path("records").asLong() >= 10, "instructions for every scenario: " + report);
            // One stage writes fewer files than a whole run; the NodeManager's launch scripts and logs are among them.
            StandaloneClusterIT.assertKeyFoundNowhere(sentinel, dir, 60, yarn.workDir);
        }
    }
}
