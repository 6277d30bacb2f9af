package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From two files to the figures and both reports, overall and per scenario. */
class MetaEvaluationTest {
  static final Scale ONE_TO_FIVE = new Scale(1, 5);

  @TempDir Path dir;

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

  @Test
  void scoresOverallAndPerScenarioCountingMissingAsWrong() throws IOException {
    MetaEvalResult r = pointwiseRun();
    assertEquals(Metrics.pointwise(5, 2, (0 + 1 + 3 + 4 + 2) / 5.0, (1 + 0.25) / 5, 0.2), r.overall());
    assertEquals(Map.of(
            "Close QA", Metrics.pointwise(2, 0, 0.5, 0.625, 0.5),
            "Math QA", Metrics.pointwise(2, 2, 3.5, 0, 0)),
        r.byScenario());
    assertEquals(1, r.unmatchedPredictions());
    assertEquals(1, r.withoutPrediction());
    assertEquals(List.of("q3: no overall rating '[[n]]' after 'overall rating of this response is'",
        "q4: no prediction with this id"), r.missingExamples());
  }

  @Test
  void reportJsonHasTheAgreedShapeAndFractions() throws IOException {
    MetaEvalResult r = pointwiseRun();
    List<Path> written = ReportWriter.write(r, dir.resolve("out/nested"));
    assertEquals(List.of(dir.resolve("out/nested/report.json"), dir.resolve("out/nested/report.md")), written);
    JsonNode json = Json.mapper().readTree(Files.readString(written.get(0)));
    assertEquals(List.of("mode", "rating_format", "bench", "pred", "overall", "by_scenario", "unmatched_predictions", "rules"),
        fieldNames(json));
    assertEquals("pointwise", json.get("mode").asText());
    assertEquals("themis", json.get("rating_format").asText());
    assertEquals(dir.resolve("bench.jsonl").toString(), json.get("bench").asText());
    assertEquals(List.of("n", "missing", "mae", "agr_2_2", "accuracy"), fieldNames(json.get("overall")));
    assertEquals(5, json.get("overall").get("n").asInt());
    assertEquals(2, json.get("overall").get("missing").asInt());
    assertEquals(2.0, json.get("overall").get("mae").asDouble());
    assertEquals(0.25, json.get("overall").get("agr_2_2").asDouble());
    assertEquals(0.2, json.get("overall").get("accuracy").asDouble());
    assertEquals(List.of("Close QA", "Math QA"), fieldNames(json.get("by_scenario")));
    assertEquals(0.625, json.get("by_scenario").get("Close QA").get("agr_2_2").asDouble());
    assertEquals(1, json.get("unmatched_predictions").asInt());
    assertEquals("A benchmark item with no prediction, or whose prediction is empty, cannot be parsed or is off the 1-5"
        + " scale, is counted in 'missing' and scored as wrong: 0 for accuracy and agr_2_2, and for mae the largest"
        + " error possible for that item on the scale, max(human - 1, 5 - human). It is never dropped.",
        json.get("rules").get("missing").asText());
  }

  @Test
  void reportMarkdownExplainsTheComparisonTablesAndMetrics() throws IOException {
    String md = ReportWriter.markdown(pointwiseRun());
    for (String expected : List.of(
        "## What was compared",
        "| Items without a usable prediction | 2 (1 with no prediction, 1 empty, unparseable or off the scale) |",
        "| Items | Missing | MAE | Agr(2,2) | Accuracy |",
        "| 5 | 2 | 2.0000 | 0.2500 | 0.2000 |",
        "| Scenario | Items | Missing | MAE | Agr(2,2) | Accuracy |",
        "| Close QA | 2 | 0 | 0.5000 | 0.6250 | 0.5000 |",
        "| Math QA | 2 | 2 | 3.5000 | 0.0000 | 0.0000 |",
        "max(human - 1, 5 - human)",
        "- q4: no prediction with this id",
        "- **MAE** (lower is better)",
        "- **Agr(2,2)** (higher is better)",
        "- **Accuracy** (higher is better)")) {
      assertTrue(md.contains(expected), () -> "missing '" + expected + "' in:\n" + md);
    }
  }

  @Test
  void pairwiseReportsAccuracyOnly() throws IOException {
    Path bench = Files.writeString(dir.resolve("pairs.csv"), "id,scenario,human\n1,chat,1\n2,chat,0\n3,code,2\n");
    Path pred = Files.writeString(dir.resolve("verdicts.csv"), "id,pred_text\n1,[[A]]\n2,[[B]]\n3,\n");
    MetaEvalResult r = MetaEvaluation.run(bench, pred, EvalMode.PAIRWISE, "last", ONE_TO_FIVE);
    assertEquals(Metrics.pairwise(3, 1, 1 / 3.0), r.overall());
    assertEquals(Map.of("chat", Metrics.pairwise(2, 0, 0.5), "code", Metrics.pairwise(1, 1, 0)), r.byScenario());
    JsonNode json = Json.mapper().readTree(ReportWriter.json(r));
    assertEquals(List.of("n", "missing", "accuracy"), fieldNames(json.get("overall")));
    assertEquals("last", json.get("rating_format").asText());
    assertTrue(ReportWriter.markdown(r).contains("| 3 | 1 | 0.3333 |"));
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
