package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.json.Json;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.VerdictParser;
import io.judgeforge.teacher.store.InMemoryResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import io.judgeforge.testing.Fixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictions produced by calling a judge: the project's simulator, over real HTTP on loopback, asked with the
 * shipped Themis templates and catalog. The response store is an in-memory one only so the tests can read back
 * exactly which prompt each call sent.
 */
class JudgePredictionsTest {
    static final String CONFIG = """
      endpoints:
        sim: {base-url: "http://127.0.0.1:9/v1", max-in-flight: 4, max-attempts: 2, timeout-ms: 20000}
      teacher: {endpoint: sim, model: sim-gpt-4}
      score: {endpoint: sim, model: sim-scorer}
      respond:
        pool: [{name: a, endpoint: sim, model: sim-6b, temperature: 0.8, max-tokens: 64}]
      judge: {max-tokens: 700}
      """;
    static final ScenarioCatalog CATALOG = Fixtures.catalog();

    static SimulatorServer simulator;

    @TempDir
    Path dir;

    final InMemoryResponseStore store = new InMemoryResponseStore();
    final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        simulator = SimulatorServer.start(SimulatorSettings.defaults(), 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static PipelineConfig config(String... overrides) {
        return ConfigLoader.bind(ConfigLoader.tree(CONFIG, List.of(overrides)), Map.of());
    }

    JudgePredictions predictions(String baseUrl, PipelineConfig config) {
        JudgeTarget target = JudgeTarget.of(config, baseUrl, null, null);
        return new JudgePredictions(CATALOG, Fixtures.prompts(), target, target.client(store), progress::add);
    }

    JudgePredictions predictions() {
        return predictions(simulator.baseUrl(), config());
    }

    Path bench(String name, String... rows) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", rows) + "\n");
    }

    static List<JsonNode> rows(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(Json.mapper().readTree(line));
        }
        return rows;
    }

    static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("id").asText()).toList();
    }

    /** Every prompt the judge was sent (from the stored requests), with the raw answer it gave. */
    record Exchange(String prompt, String answer) {}

    List<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>();
        for (StoredResponse r : store.all()) {
            JsonNode request = Json.read(r.request(), JsonNode.class);
            assertEquals(1, request.get("messages").size(), "one user message per call");
            assertEquals("user", request.get("messages").get(0).get("role").asText());
            all.add(new Exchange(
                    request.get("messages").get(0).get("content").asText(),
                    Json.read(r.response(), JsonNode.class)
                            .path("choices")
                            .path(0)
                            .path("message")
                            .path("content")
                            .asText()));
        }
        return all;
    }

    List<Exchange> exchangesAbout(String instruction) {
        return exchanges().stream()
                .filter(e -> e.prompt().contains("[User Instruction]: " + instruction))
                .toList();
    }

    static long chatRequests() throws Exception {
        HttpResponse<String> stats = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/sim/stats"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.read(stats.body(), JsonNode.class)
                .path("by_path")
                .path("/v1/chat/completions")
                .asLong(0);
    }

    @Test
    void pointwiseRowsGetParseableThemisJudgmentsSingleOrReferenceGuided() throws IOException {
        Path bench = bench(
                "bench.jsonl",
                "{\"id\": 1, \"scenario\": \"open_qa\", \"instruction\": \"Why is the sky blue?\","
                        + " \"response\": \"Because air scatters blue light more than red light.\", \"human\": 4}",
                "{\"id\": \"t2\", \"scenario\": \"translation\", \"instruction\": \"Translate 'bonjour' into English.\","
                        + " \"reference\": \"Hello.\", \"response\": \"Good day.\", \"human\": 3, \"extra\": \"ignored\"}",
                "{\"id\": \"c3\", \"scenario\": \"close_qa\", \"instruction\": \"What is the capital of France?\","
                        + " \"reference\": \"  \", \"response\": \"Paris.\", \"human\": 5}");

        JudgeSummary summary =
                predictions().write(bench.toString(), TableReader.LOCAL, EvalMode.POINTWISE, null, dir.resolve("out"));

        assertEquals(new JudgeSummary(dir.resolve("out").resolve(JudgePredictions.FILE), 3, 3, 0), summary);
        List<JsonNode> rows = rows(summary.file());
        assertEquals(List.of("1", "t2", "c3"), ids(rows));
        JudgmentParser themis = new JudgmentParser(1, 5);
        for (JsonNode row : rows) {
            assertEquals(List.of("id", "pred_text"), names(row), "no error, no swapped text: " + row);
            JudgmentParser.Result parsed = themis.parse(row.get("pred_text").asText());
            assertInstanceOf(JudgmentParser.Parsed.class, parsed, () -> row + " -> " + parsed);
        }
        // The reference turns reference-guided grading on; a blank one does not.
        String withReference =
                exchangesAbout("Translate 'bonjour' into English.").get(0).prompt();
        assertTrue(withReference.contains("[Reference Answer]: Hello."), withReference);
        assertTrue(withReference.contains("[" + CATALOG.get("translation").name() + "]"), withReference);
        for (String single : List.of("Why is the sky blue?", "What is the capital of France?")) {
            List<Exchange> about = exchangesAbout(single);
            assertEquals(1, about.size());
            assertFalse(
                    about.get(0).prompt().contains("Reference Answer"),
                    about.get(0).prompt());
        }
        // Each row carries the very answer its own prompt got.
        assertEquals(
                exchangesAbout("Why is the sky blue?").get(0).answer(),
                rows.get(0).get("pred_text").asText());
        assertEquals("judged 3/3 items (0 failed calls)", progress.get(progress.size() - 1));
    }

    @Test
    void pairwiseRowsAreAskedInBothOrdersAndGetBothTexts() throws IOException {
        Path bench = bench(
                "pairs.jsonl",
                "{\"id\": \"p1\", \"scenario\": \"open_qa\", \"instruction\": \"Name a prime number.\","
                        + " \"response1\": \"Seven is a prime number.\", \"response2\": \"Nine.\", \"human\": 1}",
                "{\"id\": \"p2\", \"scenario\": \"programming\", \"instruction\": \"Reverse a list in Python.\","
                        + " \"response1\": \"Use xs[::-1].\", \"response2\": \"Call xs.reverse() to reverse it in place.\", \"human\": 0}");

        JudgeSummary summary = predictions().write(bench.toString(), TableReader.LOCAL, EvalMode.PAIRWISE, null, dir);

        assertEquals(2, summary.items());
        assertEquals(4, summary.calls());
        assertEquals(0, summary.failedCalls());
        List<JsonNode> rows = rows(summary.file());
        assertEquals(List.of("p1", "p2"), ids(rows));
        VerdictParser themis = new VerdictParser("themis");
        for (JsonNode row : rows) {
            assertEquals(List.of("id", "pred_text", "pred_swapped_text"), names(row));
            for (String field : List.of("pred_text", "pred_swapped_text")) {
                VerdictParser.Result parsed = themis.parse(row.get(field).asText());
                assertInstanceOf(VerdictParser.Parsed.class, parsed, () -> field + " of " + row + " -> " + parsed);
            }
        }
        String[][] pairs = {
            {"Name a prime number.", "Seven is a prime number.", "Nine."},
            {"Reverse a list in Python.", "Use xs[::-1].", "Call xs.reverse() to reverse it in place."}
        };
        for (int i = 0; i < pairs.length; i++) {
            String first = pairs[i][1];
            String second = pairs[i][2];
            List<Exchange> about = exchangesAbout(pairs[i][0]);
            assertEquals(2, about.size(), "two orders of " + pairs[i][0]);
            Exchange original = about.stream()
                    .filter(e -> e.prompt().contains("[Response A]: " + first + "\n"))
                    .findFirst()
                    .orElseThrow();
            Exchange swapped = about.stream()
                    .filter(e -> e.prompt().contains("[Response A]: " + second + "\n"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(original.prompt().contains("[Response B]: " + second + "\n"), original.prompt());
            assertTrue(swapped.prompt().contains("[Response B]: " + first + "\n"), swapped.prompt());
            assertEquals(original.answer(), rows.get(i).get("pred_text").asText());
            assertEquals(swapped.answer(), rows.get(i).get("pred_swapped_text").asText());
        }
    }

    @Test
    void unknownScenariosWithoutAFallbackFailBeforeAnyCall() throws Exception {
        Path bench = bench(
                "bench.jsonl",
                "{\"id\": 1, \"scenario\": \"Open QA\", \"instruction\": \"Why?\", \"response\": \"Because.\"}",
                "{\"id\": 2, \"scenario\": \"open_qa\", \"instruction\": \"How?\", \"response\": \"Thus.\"}",
                "{\"id\": 3, \"scenario\": \"Open QA\", \"instruction\": \"When?\", \"response\": \"Now.\"}",
                "{\"id\": 4, \"instruction\": \"Who?\", \"response\": \"Me.\"}");
        long before = chatRequests();

        ConfigException e = assertThrows(
                ConfigException.class,
                () -> predictions()
                        .write(bench.toString(), TableReader.LOCAL, EvalMode.POINTWISE, null, dir.resolve("out")));

        assertEquals(
                "Cannot judge benchmark file " + bench + ": rows whose scenario is not a scenario id of the catalog:"
                        + " 'Open QA' (2 rows, first on line 1), no scenario (line 4). The catalog's ids are "
                        + CATALOG.scenarios().stream().map(s -> s.id()).toList()
                        + ". Put one of them in the 'scenario' column,"
                        + " or give --judge-scenario ID to judge those rows as that scenario.",
                e.getMessage());
        assertEquals(before, chatRequests(), "no call was made");
        assertFalse(Files.exists(dir.resolve("out").resolve(JudgePredictions.FILE)));
    }

    @Test
    void theFallbackScenarioJudgesRowsWhoseOwnIsNotInTheCatalog() throws IOException {
        Path bench = bench(
                "bench.jsonl",
                "{\"id\": 1, \"scenario\": \"Open QA\", \"instruction\": \"Why do cats purr?\", \"response\": \"Contentment.\"}",
                "{\"id\": 2, \"scenario\": \"programming\", \"instruction\": \"Sum a list in Python.\", \"response\": \"sum(xs)\"}");

        JudgeSummary summary =
                predictions().write(bench.toString(), TableReader.LOCAL, EvalMode.POINTWISE, "creative_writing", dir);

        assertEquals(List.of("1", "2"), ids(rows(summary.file())));
        assertTrue(exchangesAbout("Why do cats purr?")
                .get(0)
                .prompt()
                .contains("[" + CATALOG.get("creative_writing").name() + "]"));
        assertTrue(
                exchangesAbout("Sum a list in Python.")
                        .get(0)
                        .prompt()
                        .contains("[" + CATALOG.get("programming").name() + "]"),
                "a catalog scenario is kept");
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> predictions().write(bench.toString(), TableReader.LOCAL, EvalMode.POINTWISE, "poetry", dir));
        assertTrue(
                e.getMessage()
                        .startsWith("Invalid value for '--judge-scenario': 'poetry' (expected one of the catalog's"
                                + " scenario ids [close_qa, "),
                e.getMessage());
    }

    @Test
    void aRowWithoutARequiredColumnIsAnErrorNamingFileLineAndId() throws Exception {
        Path bench = bench(
                "pairs.jsonl",
                "{\"id\": \"p1\", \"scenario\": \"open_qa\", \"instruction\": \"Why?\", \"response1\": \"A.\", \"response2\": \"B.\"}",
                "",
                "{\"id\": \"p2\", \"scenario\": \"open_qa\", \"instruction\": \"How?\", \"response1\": \"A.\"}");
        long before = chatRequests();

        ConfigException e = assertThrows(
                ConfigException.class,
                () -> predictions().write(bench.toString(), TableReader.LOCAL, EvalMode.PAIRWISE, null, dir));

        assertEquals(
                "Cannot read benchmark file " + bench + ", line 3: no 'response2' for id 'p2'; pairwise judging needs"
                        + " the columns id, instruction, response1, response2, optional scenario",
                e.getMessage());
        Path csv = bench("bench.csv", "id,scenario,response", "7,open_qa,Because.");
        ConfigException noInstruction = assertThrows(
                ConfigException.class,
                () -> predictions().write(csv.toString(), TableReader.LOCAL, EvalMode.POINTWISE, null, dir));
        assertTrue(
                noInstruction
                        .getMessage()
                        .startsWith("Cannot read benchmark file " + csv + ", line 2: no 'instruction'" + " for id '7'"),
                noInstruction.getMessage());
        assertEquals(before, chatRequests(), "no call was made");
    }

    @Test
    void failedCallsKeepTheirRowsWithAnEmptyTextAndTheError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort + "/v1";
        PipelineConfig once = config("endpoints.sim.max-attempts=1");
        Path bench = bench(
                "bench.csv",
                "id,scenario,instruction,response,human",
                "a,open_qa,Why?,Because.,3",
                "b,open_qa,How?,Thus.,4",
                "c,open_qa,When?,Now.,2");

        JudgeSummary pointwise = predictions(nowhere, once)
                .write(bench.toString(), TableReader.LOCAL, EvalMode.POINTWISE, null, dir.resolve("pointwise"));

        assertEquals(3, pointwise.failedCalls());
        List<JsonNode> rows = rows(pointwise.file());
        assertEquals(List.of("a", "b", "c"), ids(rows), "no row is dropped");
        for (JsonNode row : rows) {
            assertEquals(List.of("id", "pred_text", "error"), names(row));
            assertEquals("", row.get("pred_text").asText());
            assertTrue(row.get("error").asText().startsWith("transient: "), row.toString());
        }
        assertEquals("judged 3/3 items (3 failed calls)", progress.get(progress.size() - 1));

        Path pairs = bench(
                "pairs.jsonl",
                "{\"id\": \"p1\", \"scenario\": \"open_qa\", \"instruction\": \"Why?\", \"response1\": \"A.\", \"response2\": \"B.\"}");
        JudgeSummary pairwise = predictions(nowhere, once)
                .write(pairs.toString(), TableReader.LOCAL, EvalMode.PAIRWISE, null, dir.resolve("pairwise"));
        assertEquals(2, pairwise.failedCalls());
        JsonNode row = rows(pairwise.file()).get(0);
        assertEquals("", row.get("pred_text").asText());
        assertEquals("", row.get("pred_swapped_text").asText());
        assertTrue(
                row.get("error").asText().matches("original order: transient: .+; swapped order: transient: .+"),
                row.get("error").asText());
        assertNull(row.get("pred"));
    }

    @Test
    void theJudgeIsTheTeacherEndpointAtAnotherUrlWithTheJudgeSettings() {
        PipelineConfig config = config("judge.temperature=0.2", "endpoints.sim.max-in-flight=3");
        JudgeTarget target = JudgeTarget.of(config, "http://judge.example:8000/v1", null, null);
        assertEquals("sim", target.endpointName());
        assertEquals("http://judge.example:8000/v1", target.endpoint().baseUrl());
        assertEquals(20000, target.endpoint().timeoutMs());
        assertEquals(3, target.parallelism());
        assertEquals("sim-gpt-4", target.call().model());
        assertEquals(0.2, target.call().temperature());
        assertEquals(700, target.call().maxTokens());
        assertEquals(
                "themis-8b",
                JudgeTarget.of(config, "https://judge.example/v1", "themis-8b", null)
                        .call()
                        .model());
        ConfigException e =
                assertThrows(ConfigException.class, () -> JudgeTarget.of(config, "judge.example:8000", null, null));
        assertTrue(
                e.getMessage().startsWith("Invalid value for '--judge-endpoint': 'judge.example:8000'"),
                e.getMessage());
        // The teacher's key variable is not inherited: the judge may be another host.
        PipelineConfig keyed = config("endpoints.sim.api-key-env=TEACHER_KEY");
        assertEquals(
                "",
                JudgeTarget.of(keyed, "http://judge.example/v1", null, null)
                        .endpoint()
                        .apiKeyEnv());
        assertEquals(
                "JUDGE_KEY",
                JudgeTarget.of(keyed, "http://judge.example/v1", null, "JUDGE_KEY")
                        .endpoint()
                        .apiKeyEnv());
        assertThrows(ConfigException.class, () -> JudgeTarget.of(keyed, "http://judge.example/v1", null, "not a name"));
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
