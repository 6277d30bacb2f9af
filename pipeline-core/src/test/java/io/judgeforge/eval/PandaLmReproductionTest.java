package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces PandaLM's published figures through the meta-evaluation itself, from the real released files
 * (research-data README section 1): the accuracy and macro precision, recall and F1 printed by its metric script
 * (gold = majority of the three annotators; GPT-3.5's "Tie"/"tie"/"garbage" = 0, the script's own rule), and the
 * annotators' pairwise Cohen's kappas.
 * The files are read in place and converted to benchmark/prediction files in a temp dir, never copied into the repo.
 */
class PandaLmReproductionTest {
    static final Path PANDALM = Path.of("../../shared/research-data/pandalm");

    @TempDir
    Path dir;

    Path bench;

    @BeforeEach
    void writeBenchmark() throws IOException {
        Assumptions.assumeTrue(
                Files.exists(PANDALM),
                "research data absent: " + PANDALM.toAbsolutePath().normalize());
        StringBuilder rows = new StringBuilder();
        for (JsonNode item :
                Json.mapper().readTree(PANDALM.resolve("testset-v1.json").toFile())) {
            int gold = majority(
                    item.get("annotator1").asInt(),
                    item.get("annotator2").asInt(),
                    item.get("annotator3").asInt());
            rows.append(Json.write(Map.of(
                            "id",
                            item.get("idx").asInt(),
                            "scenario",
                            item.get("cmp_key").asText(),
                            "human",
                            gold)))
                    .append('\n');
        }
        bench = Files.writeString(dir.resolve("bench.jsonl"), rows);
    }

    /** The label at least two annotators gave (the README: every item has one), else a failure. */
    static int majority(int a, int b, int c) {
        Map<Integer, Integer> votes = new HashMap<>();
        for (int label : new int[] {a, b, c}) {
            votes.merge(label, 1, Integer::sum);
        }
        return votes.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    Path predictions(String file, String field, Function<JsonNode, Integer> label) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (JsonNode item : Json.mapper().readTree(PANDALM.resolve(file).toFile())) {
            rows.append(Json.write(Map.of("id", item.get("idx").asInt(), "pred", label.apply(item.get(field)))))
                    .append('\n');
        }
        return Files.writeString(dir.resolve(file + "l"), rows);
    }

    MetaEvalResult run(Path pred) {
        return MetaEvaluation.run(
                bench.toString(),
                pred.toString(),
                MetaEvalOptions.of(EvalMode.PAIRWISE, "last", new Scale(1, 5))
                        .withBootstrap(new BootstrapSettings(200, 0.95, 1)),
                TableReader.LOCAL);
    }

    /** The figures compute_metrics.py prints, to its four decimals. */
    static void assertPublished(Metrics m, double accuracy, double precision, double recall, double f1) {
        assertEquals(999, m.n());
        assertEquals(0, m.missing());
        assertEquals(accuracy, m.accuracy(), 0.00005);
        assertEquals(precision, m.get(Metric.MACRO_PRECISION), 0.00005);
        assertEquals(recall, m.get(Metric.MACRO_RECALL), 0.00005);
        assertEquals(f1, m.get(Metric.MACRO_F1), 0.00005);
    }

    @Test
    void gpt35FiguresAreThePublishedOnes() throws IOException {
        Path pred = predictions("gpt-3.5-turbo-testset-v1.json", "gpt_result", v -> switch (v.asText()) {
            case "Tie", "tie", "garbage" -> 0;
            default -> Integer.parseInt(v.asText());
        });
        MetaEvalResult r = run(pred);
        assertPublished(r.overall().metrics(), 0.7107, 0.5879, 0.5736, 0.5755);
        assertEquals(710 / 999.0, r.overall().metrics().accuracy());
        assertEquals(10, r.byScenario().size());
        Interval ci = r.overall().intervals().get(Metric.ACCURACY);
        assertTrue(ci.lower() < 0.7107 && 0.7107 < ci.upper() && ci.upper() - ci.lower() < 0.1, () -> "interval " + ci);
    }

    @Test
    void pandaLm7bFiguresAreThePublishedOnes() throws IOException {
        Path pred = predictions("pandalm-7b-testset-v1.json", "pandalm_result", JsonNode::asInt);
        MetaEvalResult r = run(pred);
        assertPublished(r.overall().metrics(), 0.6677, 0.5738, 0.5750, 0.5743);
        assertEquals(667 / 999.0, r.overall().metrics().accuracy());
    }

    /**
     * The README's inter-annotator agreement: one annotator's labels as the benchmark, another's as the predictions.
     * Published to two decimals (0.85 / 0.88 / 0.86); the research-data README gives three (0.852 / 0.879 / 0.862).
     */
    @ParameterizedTest
    @CsvSource({"annotator1, annotator2, 0.852", "annotator1, annotator3, 0.879", "annotator2, annotator3, 0.862"})
    void annotatorKappasAreThePublishedOnes(String humans, String judge, double kappa) throws IOException {
        StringBuilder gold = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (JsonNode item :
                Json.mapper().readTree(PANDALM.resolve("testset-v1.json").toFile())) {
            gold.append(Json.write(Map.of(
                            "id",
                            item.get("idx").asInt(),
                            "human",
                            item.get(humans).asInt())))
                    .append('\n');
            other.append(Json.write(Map.of(
                            "id",
                            item.get("idx").asInt(),
                            "pred",
                            item.get(judge).asInt())))
                    .append('\n');
        }
        bench = Files.writeString(dir.resolve(humans + ".jsonl"), gold);
        MetaEvalResult r = run(Files.writeString(dir.resolve(judge + ".jsonl"), other));
        assertEquals(kappa, r.overall().metrics().get(Metric.KAPPA), 0.0005);
        assertEquals(Math.round(kappa * 100) / 100.0, r.overall().metrics().get(Metric.KAPPA), 0.005);
    }
}
