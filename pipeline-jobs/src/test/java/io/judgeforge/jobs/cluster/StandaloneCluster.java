package io.judgeforge.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback, made of separate JVMs as on real machines: one master and
 * {@code workers} workers of one core each, all started from a {@link SparkHome} assembled from the
 * Maven jars this test runs with.
 */
final class StandaloneCluster implements AutoCloseable {
    static final String QUICK_JVM = SparkHome.QUICK_JVM;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final SparkHome spark;
    final String masterUrl;
    private final String masterUi;
    private final List<Process> daemons = new ArrayList<>();

    private StandaloneCluster(SparkHome spark, String masterUrl, String masterUi) {
        this.spark = spark;
        this.masterUrl = masterUrl;
        this.masterUi = masterUi;
    }

    /**
     * Assembles SPARK_HOME under {@code dir} and starts the master and the workers; returns once every
     * worker has registered with the master.
     */
    static StandaloneCluster start(Path dir, int workers, List<Path> distributionExtras) throws Exception {
        SparkHome spark = SparkHome.assemble(dir.resolve("spark-home"), distributionExtras);
        int port = freePort();
        int uiPort = freePort();
        StandaloneCluster cluster =
                new StandaloneCluster(spark, "spark://127.0.0.1:" + port, "http://127.0.0.1:" + uiPort);
        try {
            cluster.daemons.add(spark.daemon(
                    dir.resolve("master.log"),
                    "-Xmx256m",
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--webui-port",
                    Integer.toString(uiPort)));
            cluster.awaitWorkers(0, 60);
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                cluster.daemons.add(spark.daemon(
                        dir.resolve("worker-" + i + ".log"),
                        "-Xmx256m",
                        "org.apache.spark.deploy.worker.Worker",
                        "--host",
                        "127.0.0.1",
                        "--cores",
                        "1",
                        "--memory",
                        "1g",
                        "--webui-port",
                        "0",
                        "--work-dir",
                        work.toString(),
                        cluster.masterUrl));
            }
            cluster.awaitWorkers(workers, 90);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** spark-submit in client mode against this master ({@link SparkHome#submit}). */
    int submit(
            Path log,
            Map<String, String> env,
            List<String> submitArgs,
            Path applicationJar,
            List<String> appArgs,
            long timeoutSeconds)
            throws Exception {
        return spark.submit(masterUrl, log, env, submitArgs, applicationJar, appArgs, timeoutSeconds);
    }

    /** The master's view of the applications it ran, from its JSON page. */
    JsonNode state() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(masterUi + "/json/"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class);
    }

    private void awaitWorkers(int expected, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process d : daemons) {
                if (!d.isAlive()) {
                    throw new AssertionError(
                            "a cluster daemon exited with " + d.exitValue() + "; see the logs beside " + spark.home);
                }
            }
            try {
                JsonNode state = state();
                long alive = 0;
                for (JsonNode w : state.path("workers")) {
                    alive += "ALIVE".equals(w.path("state").asText()) ? 1 : 0;
                }
                if (alive >= expected) {
                    return;
                }
                last = alive + " workers alive";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "the cluster did not come up in " + seconds + " s (" + last + "); logs beside " + spark.home);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            daemons.get(i).descendants().forEach(ProcessHandle::destroy);
            daemons.get(i).destroy();
        }
        for (Process d : daemons) {
            try {
                if (!d.waitFor(20, TimeUnit.SECONDS)) {
                    d.descendants().forEach(ProcessHandle::destroyForcibly);
                    d.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                d.destroyForcibly();
            }
        }
    }
}
