package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From two files to the figures and both reports, overall and per scenario. */
class MetaEvaluationTest {
    static final Scale ONE_TO_FIVE = new Scale(1, 5);

    @TempDir
    Path dir;

    /**
     * q1 exact (Themis text), q2 off by one, q3 unparseable (worst error for human 2 is 3), q4 absent (worst error
     * for human 5 is 4), q5 off by two and without a scenario; q9 is not in the benchmark.
     */
    MetaEvalResult pointwiseRun() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.jsonl"), """
        {"id": "q1", "scenario": "Close QA", "human": 3}
        {"id": "q2", "scenario": "Close QA", "human": 4}
        {"id": "q3", "scenario": "Math QA", "human": 2}
        {"id": "q4", "scenario": "Math QA", "human": 5}
        {"id": "q5", "human": 1}
        """);
        Path pred = Files.writeString(dir.resolve("pred.jsonl"), """
        {"id": "q1", "pred_text": "I believe the overall rating of this response is [[3]]."}
        {"id": "q2", "pred": 5}
        {"id": "q3", "pred_text": "It is fine."}
        {"id": "q5", "pred": 3}
        {"id": "q9", "pred": 2}
        """);
        return MetaEvaluation.run(bench, pred, EvalMode.POINTWISE, "themis", ONE_TO_FIVE);
    }

    static void assertFigures(Metrics m, int n, int missing, double mae, double agr, double accuracy) {
        assertEquals(n, m.n());
        assertEquals(missing, m.missing());
        assertEquals(mae, m.get(Metric.MAE), 1e-12);
        assertEquals(agr, m.get(Metric.AGR_2_2), 1e-12);
        assertEquals(accuracy, m.accuracy(), 1e-12);
    }

    @Test
    void scoresOverallAndPerScenarioCountingMissingAsWrong() throws IOException {
        MetaEvalResult r = pointwiseRun();
        assertFigures(r.overall().metrics(), 5, 2, (0 + 1 + 3 + 4 + 2) / 5.0, (1 + 0.25) / 5, 0.2);
        assertEquals(List.of("Close QA", "Math QA"), List.copyOf(r.byScenario().keySet()));
        assertFigures(r.byScenario().get("Close QA").metrics(), 2, 0, 0.5, 0.625, 0.5);
        assertFigures(r.byScenario().get("Math QA").metrics(), 2, 2, 3.5, 0, 0);
        assertEquals(1, r.unmatchedPredictions());
        assertEquals(1, r.withoutPrediction());
        assertEquals(
                List.of(
                        "q3: no overall rating '[[n]]' after 'overall rating of this response is'",
                        "q4: no prediction with this id"),
                r.missingExamples());
    }

    @Test
    void aPredictionRowWithoutAValueCountsAsMissingAndScoresAsWrong() throws IOException {
        pointwiseRun();
        // q4 now has a row, but with no value (as a judge run that lost the item would write it): the same figures
        // as with no row at all, and the run goes on.
        Path pred = Files.writeString(dir.resolve("gap.jsonl"), """
        {"id": "q1", "pred_text": "I believe the overall rating of this response is [[3]]."}
        {"id": "q2", "pred": 5}
        {"id": "q3", "pred_text": "It is fine."}
        {"id": "q4"}
        {"id": "q5", "pred": 3}
        """);
        MetaEvalResult r =
                MetaEvaluation.run(dir.resolve("bench.jsonl"), pred, EvalMode.POINTWISE, "themis", ONE_TO_FIVE);
        assertFigures(r.overall().metrics(), 5, 2, (0 + 1 + 3 + 4 + 2) / 5.0, (1 + 0.25) / 5, 0.2);
        assertEquals(0, r.withoutPrediction());
        assertEquals("q4: " + EvalInputReader.NO_VALUE, r.missingExamples().get(1));
    }

    @Test
    void zValuesCompareTheWholeBenchmarkWithItsScenarios() throws IOException {
        MetaEvalResult r = pointwiseRun();
        // Agr(2,2): all 0.25, Close QA 0.625, Math QA 0; mean 0.875/3, sample sd over the three rows.
        double[] agr = {0.25, 0.625, 0};
        double mean = (agr[0] + agr[1] + agr[2]) / 3;
        double sd = Math.sqrt(((agr[0] - mean) * (agr[0] - mean)
                        + (agr[1] - mean) * (agr[1] - mean)
                        + (agr[2] - mean) * (agr[2] - mean))
                / 2);
        assertEquals((0.25 - mean) / sd, r.overall().z().get(Metric.AGR_2_2), 1e-12);
        assertEquals((0.625 - mean) / sd, r.byScenario().get("Close QA").z().get(Metric.AGR_2_2), 1e-12);
    }

    @Test
    void normalisedScoreMapsRandomToZeroAndIdealToOne() throws IOException {
        MetaEvalResult r = pointwiseRun();
        Metrics m = r.overall().metrics();
        double mae = (m.get(Metric.MAE) - m.random().get(Metric.MAE))
                / (0 - m.random().get(Metric.MAE));
        double agr = (m.get(Metric.AGR_2_2) - m.random().get(Metric.AGR_2_2))
                / (1 - m.random().get(Metric.AGR_2_2));
        assertEquals((mae + agr) / 2, r.overall().normalised(), 1e-12);
        assertTrue(r.overall().normalised() < 0, "this judge misses two of five items: worse than guessing");
    }

    @Test
    void bootstrapIntervalsAreReproducibleAndContainTheEstimate() throws IOException {
        Path bench = dir.resolve("bench.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        pointwiseRun();
        MetaEvalOptions options = MetaEvalOptions.of(EvalMode.POINTWISE, "themis", ONE_TO_FIVE)
                .withBootstrap(new BootstrapSettings(200, 0.9, 7));
        MetaEvalResult a = MetaEvaluation.run(bench.toString(), pred.toString(), options, TableReader.LOCAL);
        MetaEvalResult b = MetaEvaluation.run(bench.toString(), pred.toString(), options, TableReader.LOCAL);
        assertEquals(a.overall(), b.overall(), "same seed, same intervals");
        for (Metric metric : List.of(Metric.MAE, Metric.AGR_2_2, Metric.ACCURACY)) {
            Interval ci = a.overall().intervals().get(metric);
            double value = a.overall().metrics().get(metric);
            assertTrue(ci.lower() <= value && value <= ci.upper(), () -> metric + " " + value + " outside " + ci);
            assertTrue(
                    ci.lower() < ci.upper(), () -> metric + ": five different items cannot give a zero-width interval");
        }
        MetaEvalResult other = MetaEvaluation.run(
                bench.toString(),
                pred.toString(),
                options.withBootstrap(new BootstrapSettings(200, 0.9, 8)),
                TableReader.LOCAL);
        assertNotEquals(a.overall().intervals(), other.overall().intervals(), "the seed must matter");
    }

    @Test
    void reportJsonHasTheAgreedShapeAndFractions() throws IOException {
        MetaEvalResult r = pointwiseRun();
        List<Path> written = ReportWriter.write(r, dir.resolve("out/nested"));
        assertEquals(List.of(dir.resolve("out/nested/report.json"), dir.resolve("out/nested/report.md")), written);
        JsonNode json = Json.mapper().readTree(Files.readString(written.get(0)));
        assertEquals(
                List.of(
                        "mode",
                        "rating_format",
                        "bench",
                        "pred",
                        "scale",
                        "pred_scale",
                        "overall",
                        "by_scenario",
                        "unmatched_predictions",
                        "without_prediction",
                        "missing_examples",
                        "normalised_aggregate",
                        "bootstrap",
                        "rules"),
                fieldNames(json));
        assertEquals(1, json.get("scale").get("min").asInt());
        assertEquals(5, json.get("pred_scale").get("max").asInt());
        assertEquals(1, json.get("without_prediction").asInt());
        assertEquals(
                "q4: no prediction with this id",
                json.get("missing_examples").get(1).asText());
        assertEquals("pointwise", json.get("mode").asText());
        assertEquals("themis", json.get("rating_format").asText());
        assertEquals(dir.resolve("bench.jsonl").toString(), json.get("bench").asText());
        assertEquals(
                List.of(
                        "n",
                        "missing",
                        "mae",
                        "agr_2_2",
                        "accuracy",
                        "kappa",
                        "macro_precision",
                        "macro_recall",
                        "macro_f1",
                        "pearson",
                        "spearman",
                        "kendall_tau_b",
                        "normalised",
                        "random",
                        "z"),
                fieldNames(json.get("overall")));
        assertEquals(5, json.get("overall").get("n").asInt());
        assertEquals(2, json.get("overall").get("missing").asInt());
        assertEquals(2.0, json.get("overall").get("mae").asDouble());
        assertEquals(0.25, json.get("overall").get("agr_2_2").asDouble());
        assertEquals(0.2, json.get("overall").get("accuracy").asDouble());
        assertEquals(List.of("Close QA", "Math QA"), fieldNames(json.get("by_scenario")));
        assertEquals(
                0.625, json.get("by_scenario").get("Close QA").get("agr_2_2").asDouble());
        // Math QA's two predictions are missing; against the group's mean 3.5 their stand-ins are 5 for human 2 and 1
        // for human 5: as wrong as a correlation gets.
        assertEquals(-1.0, json.get("by_scenario").get("Math QA").get("pearson").asDouble(), 1e-12);
        assertEquals(1, json.get("unmatched_predictions").asInt());
        assertEquals(
                List.of("mae", "agr_2_2"),
                List.of(
                        json.get("normalised_aggregate").get("metrics").get(0).asText(),
                        json.get("normalised_aggregate").get("metrics").get(1).asText()));
        assertTrue(json.get("rules").get("missing").asText().contains("max(human - 1, 5 - human)"));
        assertTrue(json.get("rules").has("rounding"));
    }

    @Test
    void anUndefinedFigureIsWrittenAsNullNotLeftOut() throws IOException {
        // Every human score is 3: no correlation is defined, and the key must still be there, as null.
        Path bench = Files.writeString(dir.resolve("flat.csv"), "id,human\na,3\nb,3\nc,3\n");
        Path pred = Files.writeString(dir.resolve("flat-pred.csv"), "id,pred\na,3\nb,4\nc,2\n");
        JsonNode overall = Json.mapper()
                .readTree(ReportWriter.json(MetaEvaluation.run(bench, pred, EvalMode.POINTWISE, "last", ONE_TO_FIVE)))
                .get("overall");
        assertTrue(overall.has("pearson") && overall.get("pearson").isNull(), overall::toString);
        assertEquals(1 / 3.0, overall.get("accuracy").asDouble(), 1e-12);
    }

    @Test
    void reportMarkdownExplainsTheComparisonTablesAndMetrics() throws IOException {
        String md = ReportWriter.markdown(pointwiseRun());
        for (String expected : List.of(
                "## What was compared",
                "| Items without a usable prediction | 2 (1 with no prediction, 1 empty, unparseable or off the scale) |",
                "## Headline",
                "It averages MAE and Agr(2,2), each rescaled so that random guessing is 0",
                "| Figure | Value | Random guessing | z |",
                "| MAE | 2.0000 |",
                "| Scenario | Items | Missing | MAE | Agr(2,2) | Accuracy | Kappa | Pearson | Spearman | Kendall tau-b |"
                        + " Normalised | z (Agr(2,2)) |",
                "| all | 5 | 2 | 2.0000 | 0.2500 | 0.2000 |",
                "| Close QA | 2 | 0 | 0.5000 | 0.6250 | 0.5000 |",
                "| Math QA | 2 | 2 | 3.5000 | 0.0000 | 0.0000 |",
                "max(human - 1, 5 - human)",
                "- q4: no prediction with this id",
                "- **MAE** (lower is better)",
                "- **Agr(2,2)** (higher is better)",
                "- **Accuracy** (higher is better)",
                "- **Kendall tau-b** (higher is better)",
                "- **z**: z = (m - mean) / sd")) {
            assertTrue(md.contains(expected), () -> "missing '" + expected + "' in:\n" + md);
        }
    }

    @Test
    void pairwiseReportsLabelFiguresAndTheOrdersWhenGiven() throws IOException {
        Path bench = Files.writeString(dir.resolve("pairs.csv"), "id,scenario,human\n1,chat,1\n2,chat,0\n3,code,2\n");
        Path pred = Files.writeString(dir.resolve("verdicts.csv"), "id,pred_text\n1,[[A]]\n2,[[B]]\n3,\n");
        MetaEvalResult r = MetaEvaluation.run(bench, pred, EvalMode.PAIRWISE, "last", ONE_TO_FIVE);
        assertEquals(3, r.overall().metrics().n());
        assertEquals(1, r.overall().metrics().missing());
        assertEquals(1 / 3.0, r.overall().metrics().accuracy());
        assertEquals(0.5, r.byScenario().get("chat").metrics().accuracy());
        assertEquals(0.0, r.byScenario().get("code").metrics().accuracy());
        JsonNode json = Json.mapper().readTree(ReportWriter.json(r));
        assertEquals(
                List.of(
                        "n",
                        "missing",
                        "accuracy",
                        "kappa",
                        "macro_precision",
                        "macro_recall",
                        "macro_f1",
                        "normalised",
                        "random",
                        "z"),
                fieldNames(json.get("overall")));
        assertEquals("last", json.get("rating_format").asText());
        assertTrue(ReportWriter.markdown(r).contains("| all | 3 | 1 | 0.3333 |"));
        assertTrue(ReportWriter.markdown(r).contains("not given (no `pred_swapped` or `pred_swapped_text`)"));

        // The swapped order, as raw text in the swapped numbering: [[B]] there is response 1 here.
        Path both = Files.writeString(
                dir.resolve("both.csv"), "id,pred_text,pred_swapped_text\n1,[[A]],[[B]]\n2,[[B]],[[B]]\n3,[[B]],\n");
        MetaEvalResult orders = MetaEvaluation.run(bench, both, EvalMode.PAIRWISE, "last", ONE_TO_FIVE);
        Metrics m = orders.overall().metrics();
        assertEquals(1, m.missingSwapped());
        assertEquals(2 / 3.0, m.accuracy(), 1e-12); // 1 and 3
        assertEquals(1 / 3.0, m.get(Metric.POSITIONAL_AGREEMENT), 1e-12); // 1 (2 says B then A)
        assertEquals(1 / 3.0, m.get(Metric.AGREEMENT_BOTH_ORDERS), 1e-12);
        assertEquals(2 / 3.0, m.get(Metric.ACCURACY_ORDER_RESOLVED), 1e-12); // 1, and 2 resolves to the human tie
        assertEquals(0.5, m.get(Metric.ACCURACY_AVG_ORDERS), 1e-12); // (2 + 1) / 6: each order on its own
    }

    @Test
    void aJudgeOnItsOwnScaleIsMeasuredByCorrelationOnly() throws IOException {
        Path bench = Files.writeString(dir.resolve("b.jsonl"), """
        {"id": "1", "human": 1}
        {"id": "2", "human": 2.5}
        {"id": "3", "human": 4}
        {"id": "4", "human": 5}
        """);
        Path pred = Files.writeString(dir.resolve("p.jsonl"), """
        {"id": "1", "pred": 0.1}
        {"id": "2", "pred": 0.3}
        {"id": "3", "pred": 3.7}
        """);
        MetaEvalOptions options = MetaEvalOptions.of(EvalMode.POINTWISE, "last", ONE_TO_FIVE)
                .withPredictionScale(PredictionScale.parse("any", ONE_TO_FIVE))
                .withBootstrap(BootstrapSettings.OFF);
        MetaEvalResult r = MetaEvaluation.run(bench.toString(), pred.toString(), options, TableReader.LOCAL);
        Metrics m = r.overall().metrics();
        assertEquals(
                List.of(Metric.PEARSON, Metric.SPEARMAN, Metric.KENDALL_TAU_B),
                List.copyOf(m.values().keySet()));
        // Item 4 is missing: human 5 is above the mean 3.125, so its stand-in is the lowest prediction seen, 0.1.
        double[] human = {1, 2.5, 4, 5};
        double[] judge = {0.1, 0.3, 3.7, 0.1};
        assertEquals(Statistics.spearman(human, judge), m.get(Metric.SPEARMAN), 1e-12);
        assertEquals(List.of(Metric.PEARSON, Metric.SPEARMAN, Metric.KENDALL_TAU_B), r.aggregate());
        JsonNode json = Json.mapper().readTree(ReportWriter.json(r));
        assertFalse(json.get("rules").has("rounding"), "nothing is rounded for a judge on its own scale");
        assertFalse(
                json.get("rules").get("missing").asText().contains("mae"),
                json.get("rules").get("missing").asText());
    }

    @Test
    void averagedHumanScoresAggregateMaeAloneByDefault() throws IOException {
        Path bench = Files.writeString(dir.resolve("avg.csv"), "id,scenario,human\na,x,1.5\nb,x,2\nc,y,4\n");
        Path pred = Files.writeString(dir.resolve("avg-pred.csv"), "id,pred\na,2\nb,2\nc,4\n");
        MetaEvalResult r = MetaEvaluation.run(bench, pred, EvalMode.POINTWISE, "last", ONE_TO_FIVE);
        assertEquals(List.of(Metric.MAE), r.aggregate());
        // Decided over the whole benchmark: scenario y's whole-number score does not bring accuracy back there.
        assertFalse(r.byScenario().get("y").metrics().has(Metric.ACCURACY));
        MetaEvalOptions asked = MetaEvalOptions.of(EvalMode.POINTWISE, "last", ONE_TO_FIVE)
                .withAggregate(List.of(Metric.MAE, Metric.AGR_2_2))
                .withBootstrap(BootstrapSettings.OFF);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> MetaEvaluation.run(bench.toString(), pred.toString(), asked, TableReader.LOCAL));
        assertTrue(e.getMessage().startsWith("Invalid value for '--aggregate': 'agr_2_2'"), e.getMessage());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
