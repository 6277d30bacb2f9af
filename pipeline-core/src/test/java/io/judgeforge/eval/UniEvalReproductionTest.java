package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproduces every correlation UniEval publishes for its released meta-evaluation files (research-data README
 * section 4), through the meta-evaluation itself: human scores (averaged annotator ratings) as the benchmark,
 * UniEval's scores (probabilities, on a scale of their own) as the predictions, {@code --pred-scale any}. The
 * figures are scipy's pearsonr, spearmanr and kendalltau (tau-b), rounded to six decimals.
 */
class UniEvalReproductionTest {
    static final Path UNIEVAL = Path.of("../../shared/research-data/unieval");
    // Rounded to 6 decimals (a trailing zero dropped, as engagingness's Pearson 0.55651).
    static final double PUBLISHED = 0.5e-6 + 1e-12;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "topical_chat, naturalness,       0.443666, 0.513986, 0.373973",
        "topical_chat, coherence,         0.595143, 0.612942, 0.465915",
        "topical_chat, engagingness,      0.55651,  0.604739, 0.455941",
        "topical_chat, groundedness,      0.536209, 0.574954, 0.451533",
        "topical_chat, understandability, 0.380038, 0.467807, 0.360741",
        "topical_chat, overall,           0.632796, 0.662583, 0.487272",
        "sfres,        naturalness,       0.367252, 0.333399, 0.247094",
        "sfres,        informativeness,   0.282079, 0.224918, 0.169297",
        "sfres,        overall,           0.370815, 0.291593, 0.214708",
        "sfhot,        naturalness,       0.397428, 0.319813, 0.237635",
        "sfhot,        informativeness,   0.357353, 0.249329, 0.191217",
        "sfhot,        overall,           0.406425, 0.320721, 0.236024",
        "qags_cnndm,   consistency,       0.681681, 0.662255, 0.531636",
        "qags_xsum,    consistency,       0.461376, 0.48792,  0.399218",
    })
    void correlationsAreThePublishedOnes(
            String dataset, String dimension, double pearson, double spearman, double kendall) throws IOException {
        Path file = UNIEVAL.resolve(dataset + "_result.json");
        Assumptions.assumeTrue(
                Files.exists(file),
                "research data absent: " + file.toAbsolutePath().normalize());
        StringBuilder bench = new StringBuilder();
        StringBuilder pred = new StringBuilder();
        JsonNode records = Json.mapper().readTree(file.toFile());
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            bench.append(Json.write(Map.of(
                            "id", i, "human", r.get("scores").get(dimension).asDouble())))
                    .append('\n');
            pred.append(Json.write(Map.of(
                            "id",
                            i,
                            "pred",
                            r.get("predict_scores").get(dimension).asDouble())))
                    .append('\n');
        }
        // Wide enough for every dataset (SFRES and SFHOT rate up to 6); with no missing prediction it bounds nothing
        // else.
        Scale humans = new Scale(0, 10);
        MetaEvalOptions options = MetaEvalOptions.of(EvalMode.POINTWISE, "last", humans)
                .withPredictionScale(PredictionScale.parse("any", humans))
                .withBootstrap(BootstrapSettings.OFF);
        MetaEvalResult result = MetaEvaluation.run(
                Files.writeString(dir.resolve("bench.jsonl"), bench).toString(),
                Files.writeString(dir.resolve("pred.jsonl"), pred).toString(),
                options,
                TableReader.LOCAL);

        Metrics m = result.overall().metrics();
        assertEquals(records.size(), m.n());
        assertEquals(0, m.missing());
        assertEquals(
                List.of(Metric.PEARSON, Metric.SPEARMAN, Metric.KENDALL_TAU_B),
                List.copyOf(m.values().keySet()));
        assertEquals(pearson, m.get(Metric.PEARSON), PUBLISHED);
        assertEquals(spearman, m.get(Metric.SPEARMAN), PUBLISHED);
        assertEquals(kendall, m.get(Metric.KENDALL_TAU_B), PUBLISHED);
    }
}
