package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meta-eval --judge-endpoint} through the real command line: the judge is the project's simulator over HTTP on
 * loopback, asked with the shipped prompts and catalog; its predictions are written and then evaluated.
 */
class MetaEvalJudgeEndpointTest {
    record Outcome(int code, String out, String err) {}

    static final String SENTINEL_VARIABLE = "JUDGEFORGE_TEST_SENTINEL_KEY";

    static SimulatorServer simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = SimulatorServer.start(SimulatorSettings.defaults(), 0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Chat calls the simulator has answered so far (its /sim/stats). */
    static long simulatorRequests() throws IOException {
        try (java.io.InputStream in = java.net
                .URI
                .create("http://127.0.0.1:" + simulator.port() + "/sim/stats")
                .toURL()
                .openStream()) {
            return Json.mapper()
                    .readTree(in)
                    .path("by_path")
                    .path("/v1/chat/completions")
                    .asLong(0);
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("meta-eval"));
        all.addAll(List.of(args));
        int code = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    Path bench() throws IOException {
        return Files.writeString(dir.resolve("bench.jsonl"), """
        {"id": 1, "scenario": "open_qa", "instruction": "Why is the sky blue?", "response": "Rayleigh scattering of sunlight.", "human": 4}
        {"id": 2, "scenario": "translation", "instruction": "Translate 'merci' into English.", "reference": "Thank you.", "response": "Thanks.", "human": 5}
        {"id": 3, "scenario": "Open QA", "instruction": "Name a planet.", "response": "Mars.", "human": 3}
        """);
    }

    @Test
    void judgesTheBenchmarkWritesThePredictionsAndEvaluatesThem() throws IOException {
        Path bench = bench();
        Path out = dir.resolve("report");

        // conf/defaults.yaml names no endpoint or teacher model: the judge's come from endpoint-defaults and
        // --judge-model.
        Outcome o = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--judge-scenario",
                "open_qa",
                "--conf",
                "../conf/defaults.yaml",
                "--set",
                "judge.max-tokens=900",
                "--bench",
                bench.toString(),
                "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        Path predictions = out.resolve("predictions.jsonl");
        assertTrue(Files.isRegularFile(predictions));
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(predictions)) {
            JsonNode row = Json.mapper().readTree(line);
            ids.add(row.get("id").asText());
            assertFalse(row.get("pred_text").asText().isBlank(), line);
            assertTrue(row.get("error") == null, line);
        }
        assertEquals(List.of("1", "2", "3"), ids, "one row per benchmark item, in order");
        assertTrue(o.out().startsWith("judged 3 items with 3 calls (0 failed): wrote " + predictions + "\n"), o.out());
        assertTrue(o.err().contains("judged 3/3 items (0 failed calls)"), o.err());

        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertEquals(predictions.toString(), report.get("pred").asText());
        assertEquals(3, report.get("overall").get("n").asInt());
        assertEquals(0, report.get("overall").get("missing").asInt(), "every Themis judgment was read as a score");
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
    }

    @Test
    void pairwiseJudgesBothOrdersAndReportsTheOrderFigures() throws IOException {
        Path bench = Files.writeString(dir.resolve("pairs.jsonl"), """
        {"id": "p1", "scenario": "open_qa", "instruction": "Why is the sky blue?", "response1": "Rayleigh scattering: air molecules scatter short blue wavelengths of sunlight far more than red ones, so the sky looks blue.", "response2": "Because.", "human": 1}
        {"id": "p2", "scenario": "open_qa", "instruction": "Name a planet.", "response1": "Banana.", "response2": "Mars, the fourth planet from the Sun.", "human": 2}
        """);
        Path out = dir.resolve("pairs-report");
        Outcome o = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--conf",
                "../conf/defaults.yaml",
                "--mode",
                "pairwise",
                "--bench",
                bench.toString(),
                "--out",
                out.toString(),
                "--bootstrap",
                "50");

        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("judged 2 items with 4 calls (0 failed)"), o.out());
        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("swapped_order_given").asBoolean());
        JsonNode overall = report.get("overall");
        // The Themis pairwise text is read in both orders, the swapped one mapped back.
        assertEquals(0, overall.get("missing").asInt(), overall::toString);
        assertEquals(0, overall.get("missing_swapped").asInt(), overall::toString);
        for (String key : List.of(
                "accuracy_avg_orders", "accuracy_order_resolved", "agreement_both_orders", "positional_agreement")) {
            assertTrue(overall.get(key).isNumber(), key);
        }
    }

    @Test
    void theJudgesKeyIsWrittenNowhereAndTheTeachersIsNotReused() throws IOException {
        String key = System.getenv(SENTINEL_VARIABLE);
        Assumptions.assumeTrue(
                key != null, SENTINEL_VARIABLE + " is set by the build's Surefire configuration; run with Maven");
        Path out = dir.resolve("report");

        Outcome o = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--judge-scenario",
                "open_qa",
                "--conf",
                "../conf/defaults.yaml",
                "--judge-api-key-env",
                SENTINEL_VARIABLE,
                "--bench",
                bench().toString(),
                "--out",
                out.toString());

        assertEquals(0, o.code(), o.err());
        assertFalse(o.out().contains(key));
        assertFalse(o.err().contains(key));
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.toList();
        }
        assertEquals(3, written.size(), "predictions and both reports: " + written);
        for (Path file : written) {
            assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains(key), file.toString());
        }

        // A teacher key variable that is not even set does not matter: the judge never reads it.
        Outcome teacherKey = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--judge-scenario",
                "open_qa",
                "--conf",
                "../conf/defaults.yaml",
                "--set",
                "endpoint-defaults.api-key-env=JUDGEFORGE_UNSET_TEACHER_KEY",
                "--bench",
                bench().toString(),
                "--out",
                dir.resolve("teacher-key").toString());
        assertEquals(0, teacherKey.code(), teacherKey.err());
    }

    @Test
    void aRatingFormatOrScaleTheJudgeDoesNotAnswerInIsRefusedBeforeAnyCall() throws IOException {
        long before = simulatorRequests();
        Outcome format = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--judge-scenario",
                "open_qa",
                "--conf",
                "../conf/defaults.yaml",
                "--rating-format",
                "last",
                "--bench",
                bench().toString(),
                "--out",
                dir.toString());
        assertEquals(2, format.code(), "a config error");
        assertTrue(
                format.err()
                        .contains("Invalid value for '--rating-format': 'last' (expected themis with --judge-endpoint"),
                format.err());
        Outcome scale = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--judge-model",
                "sim-gpt-4",
                "--judge-scenario",
                "open_qa",
                "--conf",
                "../conf/defaults.yaml",
                "--max-score",
                "10",
                "--bench",
                bench().toString(),
                "--out",
                dir.toString());
        assertEquals(2, scale.code(), "a config error");
        assertTrue(
                scale.err()
                        .contains(
                                "The judge prompts score 1-5 (judge.min-score/max-score), but the benchmark's scale is"
                                        + " 1-10"),
                scale.err());
        assertEquals(before, simulatorRequests(), "no call was made");
    }

    @Test
    void exactlyOneOfPredAndJudgeEndpointIsRequired() throws IOException {
        Path bench = bench();
        Outcome neither = run("--bench", bench.toString(), "--out", dir.toString());
        assertEquals(2, neither.code());
        assertTrue(
                neither.err()
                        .startsWith("meta-eval: Missing the predictions: give --pred FILE, or --judge-endpoint URL"),
                neither.err());

        Outcome both = run(
                "--bench",
                bench.toString(),
                "--pred",
                bench.toString(),
                "--judge-endpoint",
                simulator.baseUrl(),
                "--out",
                dir.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("meta-eval: --pred and --judge-endpoint exclude each other"), both.err());

        Outcome modelAlone = run(
                "--bench", bench.toString(), "--pred", bench.toString(), "--judge-model", "m", "--out", dir.toString());
        assertEquals(2, modelAlone.code());
        assertTrue(modelAlone.err().contains("Missing required argument(s): --judge-endpoint=URL"), modelAlone.err());
        assertFalse(Files.exists(dir.resolve("predictions.jsonl")));
    }

    @Test
    void configProblemsAreOneLineErrorsBeforeAnyCall() throws IOException {
        Path bench = bench();
        Path out = dir.resolve("report");

        Outcome noModel = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--conf",
                "../conf/defaults.yaml",
                "--bench",
                bench.toString(),
                "--out",
                out.toString());
        assertEquals(2, noModel.code());
        assertEquals(
                "meta-eval: No judge model: give --judge-model NAME (the config ../conf/defaults.yaml sets no"
                        + " teacher.model)",
                noModel.err().strip());

        Outcome unknown = run(
                "--judge-endpoint",
                simulator.baseUrl(),
                "--conf",
                "../conf/local.yaml",
                "--bench",
                bench.toString(),
                "--out",
                out.toString());
        assertEquals(2, unknown.code());
        assertTrue(
                unknown.err()
                        .startsWith("meta-eval: Cannot judge benchmark file " + bench + ": rows whose scenario is"
                                + " not a scenario id of the catalog: 'Open QA' (line 3)."),
                unknown.err());

        Outcome noConf =
                run("--judge-endpoint", simulator.baseUrl(), "--bench", bench.toString(), "--out", out.toString());
        assertEquals(2, noConf.code());
        assertTrue(noConf.err().startsWith("meta-eval: Config file not found: conf/defaults.yaml"), noConf.err());
        assertFalse(Files.exists(out.resolve("predictions.jsonl")));
    }
}
