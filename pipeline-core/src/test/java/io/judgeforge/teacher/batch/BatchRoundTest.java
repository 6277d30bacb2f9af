package io.judgeforge.teacher.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.simulator.BatchFaults;
import io.judgeforge.simulator.ErrorDialect;
import io.judgeforge.simulator.Faults;
import io.judgeforge.simulator.Realism;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch client and a round of batches against the simulator over loopback: files cut within the
 * limits, uploaded, submitted, polled and read back; what an expired batch and failed lines leave
 * unanswered gets through when sent again; and a round that died after submitting is resumed by
 * polling the batch it kept, without a second upload or batch.
 */
class BatchRoundTest {
    private static final PipelineConfig.Batch SETTINGS =
            new PipelineConfig.Batch(List.of("judge"), 1, "24h", 2, 6, 0.5, "online", 8, 200L * 1024 * 1024);

    /** A batch folder on the local disk. */
    record LocalFolder(Path dir) implements BatchFolder {
        @Override
        public OutputStream create(String name) throws IOException {
            Files.createDirectories(dir);
            return Files.newOutputStream(dir.resolve(name));
        }

        @Override
        public InputStream open(String name) throws IOException {
            return Files.newInputStream(dir.resolve(name));
        }

        @Override
        public long length(String name) throws IOException {
            return Files.size(dir.resolve(name));
        }

        @Override
        public List<String> list() throws IOException {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }
    }

    private static Map<String, String> requests(int n) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            bodies.put(
                    "key-" + i,
                    "{\"model\":\"sim-13b\",\"messages\":[{\"role\":\"user\",\"content\":\"Question " + i
                            + "?\"}],\"temperature\":0.0,\"max_tokens\":64}");
        }
        return bodies;
    }

    private static Iterator<String> lines(Map<String, String> bodies, String url) {
        return bodies.entrySet().stream()
                .map(e -> new BatchRequestLine(e.getKey(), url, e.getValue()).toJson())
                .iterator();
    }

    private static List<BatchResultLine> results(LocalFolder folder) throws IOException {
        List<BatchResultLine> all = new ArrayList<>();
        for (String name : folder.list()) {
            if (name.endsWith(".output.jsonl") || name.endsWith(".errors.jsonl")) {
                Files.readAllLines(folder.dir().resolve(name)).forEach(l -> all.add(BatchResultLine.parse(l)));
            }
        }
        return all;
    }

    private static long stat(SimulatorServer sim, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + "/sim/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class).path("by_path").path(path).asLong(0);
    }

    private static Endpoint endpoint(SimulatorServer sim) {
        return new Endpoint(sim.baseUrl(), "", 5_000, 4, 3);
    }

    @Test
    void expiredAndFailedLinesAreAnsweredWhenSentAgainWithTheOnlineAnswers(@TempDir Path dir) throws Exception {
        SimulatorSettings settings =
                SimulatorSettings.defaults().withFaults(Faults.NONE.withBatch(new BatchFaults(true, 0.25)));
        try (SimulatorServer sim = SimulatorServer.start(settings, 0)) {
            BatchClient client = new BatchClient("sim", endpoint(sim), null);
            String url = client.lineUrl("/chat/completions");
            assertEquals("/v1/chat/completions", url);
            List<String> said = new ArrayList<>();
            BatchRound round = new BatchRound(client, SETTINGS, ms -> {}, said::add);
            Map<String, String> pending = requests(20);
            Map<String, String> answers = new LinkedHashMap<>();
            int rounds = 0;
            boolean sawExpired = false;
            boolean saw500 = false;
            while (!pending.isEmpty() && rounds <= SETTINGS.maxResubmits()) {
                LocalFolder folder = new LocalFolder(dir.resolve("round-" + rounds));
                List<BatchJob> jobs = round.run(folder, lines(pending, url), url, Map.of());
                if (rounds == 0) {
                    assertEquals(3, jobs.size(), "20 requests in files of at most 8");
                    assertEquals("expired", jobs.get(0).status());
                }
                for (BatchResultLine line : results(folder)) {
                    sawExpired |= BatchResultLine.EXPIRED.equals(line.errorCode());
                    saw500 |= line.statusCode() == 500;
                    if (line.answered()) {
                        answers.put(line.customId(), line.body());
                        pending.remove(line.customId());
                    }
                }
                rounds++;
            }
            assertTrue(sawExpired && saw500, "both faults happened");
            assertEquals(20, answers.size(), "every request answered within the resubmits, in " + rounds + " rounds");
            assertTrue(rounds >= 2);
            String online = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            requests(20).get("key-17")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode batchAnswer = Json.read(answers.get("key-17"), JsonNode.class);
            JsonNode onlineAnswer = Json.read(online, JsonNode.class);
            assertEquals(onlineAnswer.get("choices"), batchAnswer.get("choices"));
            assertEquals(onlineAnswer.get("usage"), batchAnswer.get("usage"));
            assertTrue(said.stream().anyMatch(l -> l.contains("expired")), said.toString());
        }
    }

    @Test
    void aRoundThatDiedAfterSubmittingPollsItsBatchInsteadOfSubmittingAgain(@TempDir Path dir) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            BatchClient client = new BatchClient("sim", endpoint(sim), null);
            String url = client.lineUrl("/chat/completions");
            LocalFolder folder = new LocalFolder(dir.resolve("round-0"));
            BatchRound dying = new BatchRound(
                    client,
                    SETTINGS,
                    ms -> {
                        throw new InterruptedException("the driver died");
                    },
                    line -> {});
            assertThrows(InterruptedException.class, () -> dying.run(folder, lines(requests(5), url), url, Map.of()));
            assertTrue(folder.list().contains("input-0001.batch.json"), "the batch id was kept before any poll");
            assertEquals(1, stat(sim, "POST /v1/batches"));

            Iterator<String> mustNotBeRead = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    throw new AssertionError("a resumed round reads no requests");
                }

                @Override
                public String next() {
                    throw new AssertionError("a resumed round reads no requests");
                }
            };
            List<BatchJob> jobs =
                    new BatchRound(client, SETTINGS, ms -> {}, line -> {}).run(folder, mustNotBeRead, url, Map.of());
            assertEquals(1, jobs.size());
            assertEquals("completed", jobs.get(0).status());
            assertEquals(
                    5,
                    results(folder).stream().filter(BatchResultLine::answered).count());
            assertEquals(1, stat(sim, "POST /v1/batches"), "no second batch");
            assertEquals(1, stat(sim, "POST /v1/files"), "no second upload");
            assertTrue(stat(sim, "GET /v1/batches/{id}") >= 3, "the kept batch was polled to its end");

            // Once done, the round is done: run again, it neither polls nor downloads.
            long polls = stat(sim, "GET /v1/batches/{id}");
            new BatchRound(client, SETTINGS, ms -> {}, line -> {}).run(folder, mustNotBeRead, url, Map.of());
            assertEquals(polls, stat(sim, "GET /v1/batches/{id}"));
        }
    }

    @Test
    void anEndpointWithoutABatchApiFailsInOneLineNamingTheKey() {
        SimulatorSettings vllm =
                SimulatorSettings.defaults().withRealism(Realism.OFF.withErrorDialect(ErrorDialect.VLLM));
        try (SimulatorServer sim = SimulatorServer.start(vllm, 0)) {
            BatchClient client = new BatchClient("vllm", endpoint(sim), null);
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> new BatchRound(client, SETTINGS, ms -> {}, line -> {})
                            .run(
                                    new LocalFolder(Files.createTempDirectory("batch")),
                                    lines(requests(1), "/v1/chat/completions"),
                                    "/v1/chat/completions",
                                    Map.of()));
            assertTrue(e.getMessage().startsWith("batch.stages: endpoint 'vllm'"), e.getMessage());
            assertTrue(e.getMessage().contains("404") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void resultLinesOfBothFilesAreRead() {
        BatchResultLine ok =
                BatchResultLine.parse("{\"id\":\"batch_req_1\",\"custom_id\":\"k\",\"response\":{\"status_code\":200,"
                        + "\"request_id\":\"r\",\"body\":{\"choices\":[]}},\"error\":null}");
        assertTrue(ok.answered());
        assertEquals("{\"choices\":[]}", ok.body());
        BatchResultLine expired =
                BatchResultLine.parse("{\"id\":\"batch_req_2\",\"custom_id\":\"k2\",\"response\":null,"
                        + "\"error\":{\"code\":\"batch_expired\",\"message\":\"not run\"}}");
        assertEquals(BatchResultLine.EXPIRED, expired.errorCode());
        assertEquals(0, expired.statusCode());
        BatchResultLine failed = BatchResultLine.parse("{\"custom_id\":\"k3\",\"response\":{\"status_code\":500,"
                + "\"body\":{\"error\":{\"message\":\"boom\",\"code\":\"server_error\"}}},\"error\":null}");
        assertEquals(500, failed.statusCode());
        assertEquals("server_error", failed.errorCode());
        assertEquals("malformed_line", BatchResultLine.parse("{not json").errorCode());
    }
}
