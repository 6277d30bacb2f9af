package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The meta-eval command end to end. It builds its own CommandLine because Main does not list the command yet; the
 * metric arithmetic itself is tested in pipeline-core.
 */
class MetaEvalCommandTest {
  record Outcome(int code, String out, String err) {}

  @TempDir Path dir;

  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new MetaEvalCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void writesBothReportsAndPrintsASummary() throws IOException {
    Path bench = Files.writeString(dir.resolve("bench.csv"), """
        id,scenario,human
        1,Open QA,4
        2,Open QA,2
        3,Translation,5
        """);
    Path pred = Files.writeString(dir.resolve("pred.jsonl"), """
        {"id": 1, "pred_text": "Verdict: [[4]]"}
        {"id": 2, "pred_text": "Verdict: [[3]]"}
        {"id": 4, "pred_text": "Verdict: [[1]]"}
        """);
    Path out = dir.resolve("report");
    Outcome o = run("--bench", bench.toString(), "--pred", pred.toString(), "--out", out.toString(), "--rating-format", "last");
    assertEquals(0, o.code(), o.err());
    assertEquals("meta-eval (pointwise): 3 items, 1 missing (scored as wrong), 1 unmatched predictions, 2 scenarios\n"
        + "overall: mae 1.6667, agr_2_2 0.4167, accuracy 0.3333\n"
        + "wrote " + out.resolve("report.json") + " and " + out.resolve("report.md") + "\n", o.out().replace("\r\n", "\n"));

    JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
    assertEquals("pointwise", report.get("mode").asText());
    assertEquals("last", report.get("rating_format").asText());
    assertEquals(bench.toString(), report.get("bench").asText());
    assertEquals(pred.toString(), report.get("pred").asText());
    JsonNode overall = report.get("overall");
    assertEquals(List.of("n", "missing", "mae", "agr_2_2", "accuracy"), names(overall));
    assertEquals(3, overall.get("n").asInt());
    assertEquals(1, overall.get("missing").asInt());
    // 1: exact; 2: off by one; 3: absent, worst error for human 5 on 1-5 is 4.
    assertEquals((0 + 1 + 4) / 3.0, overall.get("mae").asDouble());
    assertEquals((1 + 0.25) / 3, overall.get("agr_2_2").asDouble());
    assertEquals(1 / 3.0, overall.get("accuracy").asDouble());
    assertEquals(List.of("Open QA", "Translation"), names(report.get("by_scenario")));
    assertEquals(0.625, report.get("by_scenario").get("Open QA").get("agr_2_2").asDouble());
    assertEquals(1, report.get("by_scenario").get("Translation").get("missing").asInt());
    assertEquals(1, report.get("unmatched_predictions").asInt());
    assertTrue(report.get("rules").get("missing").asText().contains("max(human - 1, 5 - human)"));

    String md = Files.readString(out.resolve("report.md"));
    for (String expected : List.of("# Meta-evaluation report", "| Open QA | 2 | 0 | 0.5000 | 0.6250 | 0.5000 |",
        "**MAE**", "**Agr(2,2)**", "**Accuracy**", "scored as wrong")) {
      assertTrue(md.contains(expected), () -> "missing '" + expected + "' in:\n" + md);
    }
  }

  @Test
  void aMissingBenchIsAUsageErrorWithExitCode2() {
    Outcome o = run("--pred", "pred.jsonl", "--out", dir.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().startsWith("Missing required option: '--bench=FILE'"), o.err());
  }

  static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
