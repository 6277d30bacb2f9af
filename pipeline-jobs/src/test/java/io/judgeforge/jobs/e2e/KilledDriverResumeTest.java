package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.jobs.cli.Main;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's killed drivers: the README's run at quota 1, in a JVM of its own, is killed with
 * SIGKILL in the middle of generate, then (resumed with {@code run --run-id}) in the middle of judge,
 * then in the middle of export with its staging folder half written. A last resume skips the
 * committed stages, removes the export's leftovers, finishes from the response store and publishes
 * the shards of an uninterrupted run, byte for byte. The requests in flight at each kill never reached
 * the store; with {@code recover-in-flight: stored-completions} their lapsed claims send the resumed
 * run to the provider's stored completions, so no request is paid twice over the four attempts.
 */
@Tag("spark")
class KilledDriverResumeTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aDriverKilledInGenerateJudgeAndExportResumesToTheSameShardsPayingNothingTwice(@TempDir Path dir)
            throws Exception {
        // The uninterrupted run is the shared reference (the simulator of the same seed, in-process);
        // this one answers after 40 ms, two at a time, which leaves time to kill the driver mid-stage.
        try (LocalEndpointServer sim = LocalEndpointServers.startSimulator(
                "this test", "", List.of("--port", "0", "--seed", "7", "--latency-ms", "40"))) {
            String conf =
                    Path.of("../conf/local.yaml").toAbsolutePath().normalize().toString();
            List<String> settings = new ArrayList<>(PipelineRuns.REFERENCE);
            settings.addAll(List.of(
                    "simulator.start=false",
                    "spark.partitions=2",
                    "endpoints.sim.max-in-flight=2",
                    "endpoints.sim.recover-in-flight=stored-completions",
                    "store.claim-lease-ms=2000",
                    "endpoints.sim.base-url=" + sim.baseUrl()));

            JsonNode reference = PipelineRuns.reference().manifest();
            long uninterrupted = reference.at("/totals/calls").asLong();
            assertTrue(uninterrupted > 200, "the reference run's requests: " + uninterrupted);
            long before = requests(sim);
            Path out = dir.resolve("killed");
            List<String> start = new ArrayList<>(List.of("run", "--conf", conf, "--out", out.toString()));
            settings.forEach(s -> start.addAll(List.of("--set", s)));

            // 1. Killed once generate has paid for 2 of its 10 requests: the others are queued or on the wire.
            try (DriverProcess driver = DriverProcess.start(start)) {
                assertTrue(driver.awaitLine(l -> l.startsWith("[generate] plan"), 180), driver.log());
                assertTrue(driver.await(() -> requests(sim) >= before + 2, 60), driver.log());
                driver.kill();
            }
            String runId;
            try (var runs = Files.list(out.resolve("runs"))) {
                runId = runs.findFirst().orElseThrow().getFileName().toString();
            }
            Path run = out.resolve("runs").resolve(runId);
            assertFalse(Files.exists(run.resolve("generate/_report.json")), "killed before generate committed");
            List<String> resume = new ArrayList<>(start);
            resume.addAll(List.of("--run-id", runId));

            // 2. Resumed, and killed once judge has paid for 6 answers: its next ones are on the wire.
            try (DriverProcess driver = DriverProcess.start(resume)) {
                assertTrue(driver.awaitLine(l -> l.strip().startsWith("[judge] grade"), 180), driver.log());
                long atJudge = requests(sim);
                assertTrue(driver.await(() -> requests(sim) >= atJudge + 6, 60), driver.log());
                driver.kill();
                assertTrue(driver.log().contains("[classify] done"), driver.log());
            }
            assertFalse(Files.exists(run.resolve("judge/_report.json")), "killed before judge committed");

            // 3. Resumed, and killed once export has begun to write its version's staging folder.
            try (DriverProcess driver = DriverProcess.start(resume)) {
                assertTrue(driver.awaitLine(l -> l.startsWith("[export] write"), 180), driver.log());
                assertTrue(driver.await(() -> !staging(out).isEmpty(), 60), driver.log());
                driver.kill();
            }
            assertFalse(Files.exists(out.resolve("datasets/LATEST")), "killed before export published");
            assertEquals(1, staging(out).size(), "the killed export's staging folder is left behind");
            long killedRunRequests = requests(sim) - before;

            // 4. Resumed in this JVM to the end.
            StringWriter stdout = new StringWriter();
            JsonNode resumed =
                    run(List.of("run", "--conf", conf, "--out", out.toString(), "--run-id", runId), settings, stdout);
            long resumedRequests = requests(sim) - before - killedRunRequests;
            for (String stage : List.of("generate", "classify", "respond", "judge", "score", "select", "augment")) {
                assertTrue(
                        stdout.toString()
                                .contains("[" + stage + "] committed by an earlier attempt of this run: skipped"),
                        stage + ":\n" + stdout);
            }
            assertTrue(stdout.toString().contains("[resume] removing "), stdout.toString());
            assertEquals(List.of(), staging(out), "the leftovers are gone");
            assertEquals(
                    PipelineRuns.shards(reference),
                    PipelineRuns.shards(resumed),
                    "the same shards as the uninterrupted run");
            long paidTwice = killedRunRequests + resumedRequests - uninterrupted;
            System.out.printf(
                    "killed driver: %d requests over three killed attempts, %d after the last resume, %d uninterrupted:"
                            + " %d paid twice%n",
                    killedRunRequests, resumedRequests, uninterrupted, paidTwice);
            assertEquals(0, paidTwice, "requests paid twice");
            assertTrue(recoveryReads(sim) > 0, "the resumed runs looked up the requests whose claims had lapsed");

            List<String> changed = new ArrayList<>(resume);
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

    /** The export staging folders under OUT/datasets. */
    static List<Path> staging(Path out) {
        Path datasets = out.resolve("datasets");
        if (!Files.isDirectory(datasets)) {
            return List.of();
        }
        try (var all = Files.list(datasets)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".staging-"))
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

    static long requests(LocalEndpointServer sim) {
        JsonNode byPath = requestsByPath(sim);
        // Paid requests only: reads of stored completions are counted apart.
        return byPath.path("/v1/chat/completions").asLong(0)
                + byPath.path("/v1/completions").asLong(0);
    }

    static long recoveryReads(LocalEndpointServer sim) {
        return requestsByPath(sim).path("GET /v1/chat/completions").asLong(0);
    }

    /** The simulator's own count of the requests it served, by path. */
    private static JsonNode requestsByPath(LocalEndpointServer sim) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/stats")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.read(r.body(), JsonNode.class).path("by_path");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
