package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.cli.Main;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver is killed with SIGKILL in the middle of judge, in a JVM of its own; {@code run
 * --run-id} then skips the committed stages, finishes judge from the response store and publishes
 * the same shards as an uninterrupted run. The requests in flight at the kill never reached the
 * store; with {@code recover-in-flight: stored-completions} their lapsed claims send the rerun to the
 * provider's stored completions, so no request is paid twice.
 */
@Tag("spark")
class KilledDriverResumeTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aDriverKilledDuringJudgeResumesToTheSameShards(@TempDir Path dir) throws Exception {
        // The uninterrupted run is the shared reference (the simulator of the same seed, in-process);
        // this one answers after 60 ms, which leaves time to kill the driver in the middle of judge.
        try (LocalEndpointServer sim = LocalEndpointServers.startSimulator(
                "this test", "", List.of("--port", "0", "--seed", "7", "--latency-ms", "60"))) {
            String conf =
                    Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString();
            List<String> settings = new ArrayList<>(PipelineRuns.REFERENCE);
            settings.addAll(List.of(
                    "simulator.start=false",
                    "endpoints.sim.max-in-flight=2",
                    "endpoints.sim.recover-in-flight=stored-completions",
                    "store.claim-lease-ms=3000",
                    "endpoints.sim.base-url=" + sim.baseUrl()));

            JsonNode reference = PipelineRuns.reference().manifest();
            long uninterrupted = reference.at("/totals/calls").asLong();
            assertTrue(uninterrupted > 200, "the reference run's requests: " + uninterrupted);
            long before = requests(sim);

            // The same run in another JVM, killed once judge has committed part of its work to the store.
            Path out = dir.resolve("killed");
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens")
                            || a.startsWith("-XX:+IgnoreUnrecognized")
                            || a.startsWith("-Dio.netty")
                            || a.startsWith("-Djdk.reflect"))
                    .toList());
            command.addAll(List.of(
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run",
                    "--conf",
                    conf,
                    "--out",
                    out.toString()));
            settings.forEach(s -> command.addAll(List.of("--set", s)));
            Process driver =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuffer log = new StringBuffer();
            java.util.concurrent.CountDownLatch judgeBegan = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        log.append(line).append('\n');
                        if (line.strip().startsWith("[judge] grade")) {
                            judgeBegan.countDown();
                        }
                    }
                } catch (java.io.IOException e) {
                    // The driver was killed: its output ends here.
                }
            });
            reader.start();
            assertTrue(judgeBegan.await(180, TimeUnit.SECONDS), "judge began:\n" + log);
            // Kill once judge has paid for a few answers: its next ones are on the wire (60 ms each, two at a time).
            long atJudge = requests(sim);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (requests(sim) < atJudge + 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            driver.destroyForcibly();
            boolean killedInJudge = requests(sim) >= atJudge + 6;
            assertTrue(driver.waitFor(60, TimeUnit.SECONDS));
            reader.join(10_000);
            assertTrue(killedInJudge, "the driver was killed during judge:\n" + log);
            long killedRunRequests = requests(sim) - before;

            String runId;
            try (var runs = Files.list(out.resolve("runs"))) {
                runId = runs.findFirst().orElseThrow().getFileName().toString();
            }
            assertTrue(
                    !Files.exists(out.resolve("runs").resolve(runId).resolve("judge/_report.json")),
                    "judge was not committed");
            List<String> resume = List.of("run", "--conf", conf, "--out", out.toString(), "--run-id", runId);
            StringWriter stdout = new StringWriter();
            JsonNode resumed = run(resume, settings, stdout);
            long resumedRequests = requests(sim) - before - killedRunRequests;

            assertTrue(
                    stdout.toString().contains("[respond] committed by an earlier attempt of this run: skipped"),
                    stdout.toString());
            assertEquals(
                    PipelineRuns.shards(reference),
                    PipelineRuns.shards(resumed),
                    "the same shards as the uninterrupted run");
            long paidTwice = killedRunRequests + resumedRequests - uninterrupted;
            System.out.printf(
                    "killed driver: %d requests before the kill, %d after resuming, %d uninterrupted: %d paid twice%n",
                    killedRunRequests, resumedRequests, uninterrupted, paidTwice);
            assertEquals(0, paidTwice, "requests paid twice");
            assertTrue(recoveryReads(sim) > 0, "the rerun looked up the requests whose claims had lapsed");

            List<String> changed = new ArrayList<>(resume);
            settings.forEach(x -> changed.addAll(List.of("--set", x)));
            changed.addAll(List.of("--set", "judge.max-tokens=512"));
            StringWriter err = new StringWriter();
            assertEquals(
                    Main.USAGE,
                    Main.execute(
                            changed.toArray(String[]::new),
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(err, true)));
            assertTrue(err.toString().contains("was made with another config"), err.toString());
        }
    }

    static JsonNode run(List<String> command, List<String> settings) throws Exception {
        return run(command, settings, new StringWriter());
    }

    static JsonNode run(List<String> command, List<String> settings, StringWriter stdout) throws Exception {
        List<String> args = new ArrayList<>(command);
        settings.forEach(s -> args.addAll(List.of("--set", s)));
        StringWriter stderr = new StringWriter();
        int code =
                Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, code, stdout + "\n" + stderr);
        Path out = Path.of(command.get(command.indexOf("--out") + 1));
        String version = Files.readString(out.resolve("datasets/LATEST")).strip();
        return Json.read(
                Files.readString(out.resolve("datasets").resolve(version).resolve("manifest.json")), JsonNode.class);
    }

    static long requests(LocalEndpointServer sim) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/stats")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode byPath = Json.read(r.body(), JsonNode.class).path("by_path");
        // Paid requests only: reads of stored completions are counted apart.
        return byPath.path("/v1/chat/completions").asLong(0)
                + byPath.path("/v1/completions").asLong(0);
    }

    static long recoveryReads(LocalEndpointServer sim) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/stats")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class)
                .path("by_path")
                .path("GET /v1/chat/completions")
                .asLong(0);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
