package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Reproduces the pairwise accuracies printed by PandaLM's own metric script (research-data README section 1:
 * gold = majority of the three annotators, GPT-3.5 "Tie"/"tie"/"garbage" = 0) from the real released files.
 * The files are read in place and converted to benchmark/prediction files in a temp dir, never copied into the repo.
 */
class PandaLmReproductionTest {
  static final Path PANDALM = Path.of("../../shared/research-data/pandalm");

  @TempDir Path dir;

  Path bench;

  @BeforeEach
  void writeBenchmark() throws IOException {
    Assumptions.assumeTrue(Files.exists(PANDALM), "research data absent: " + PANDALM.toAbsolutePath().normalize());
    StringBuilder rows = new StringBuilder();
    for (JsonNode item : Json.mapper().readTree(PANDALM.resolve("testset-v1.json").toFile())) {
      int gold = majority(item.get("annotator1").asInt(), item.get("annotator2").asInt(), item.get("annotator3").asInt());
      rows.append(Json.write(Map.of("id", item.get("idx").asInt(), "scenario", item.get("cmp_key").asText(), "human", gold)))
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
    return votes.entrySet().stream().filter(e -> e.getValue() >= 2).findFirst().orElseThrow().getKey();
  }

  Path predictions(String file, String field, Function<JsonNode, Integer> label) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (JsonNode item : Json.mapper().readTree(PANDALM.resolve(file).toFile())) {
      rows.append(Json.write(Map.of("id", item.get("idx").asInt(), "pred", label.apply(item.get(field))))).append('\n');
    }
    return Files.writeString(dir.resolve(file + "l"), rows);
  }

  @Test
  void gpt35AccuracyIs07107() throws IOException {
    Path pred = predictions("gpt-3.5-turbo-testset-v1.json", "gpt_result", v -> switch (v.asText()) {
      case "Tie", "tie", "garbage" -> 0;
      default -> Integer.parseInt(v.asText());
    });
    MetaEvalResult r = MetaEvaluation.run(bench, pred, EvalMode.PAIRWISE, "last", new Scale(1, 5));
    assertEquals(999, r.overall().n());
    assertEquals(0, r.overall().missing());
    assertEquals(0.7107, r.overall().accuracy(), 0.00005);
    assertEquals(710 / 999.0, r.overall().accuracy());
    assertEquals(10, r.byScenario().size());
  }

  @Test
  void pandaLm7bAccuracyIs06677() throws IOException {
    Path pred = predictions("pandalm-7b-testset-v1.json", "pandalm_result", JsonNode::asInt);
    MetaEvalResult r = MetaEvaluation.run(bench, pred, EvalMode.PAIRWISE, "last", new Scale(1, 5));
    assertEquals(999, r.overall().n());
    assertEquals(0, r.overall().missing());
    assertEquals(0.6677, r.overall().accuracy(), 0.00005);
    assertEquals(667 / 999.0, r.overall().accuracy());
  }
}
