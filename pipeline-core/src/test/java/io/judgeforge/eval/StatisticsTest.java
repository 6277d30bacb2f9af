package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.eval.Statistics.ClassScores;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-worked cases for each statistic, then the published figures of PandaLM and UniEval (research-data README
 * sections 1 and 4) recomputed from the released files, read in place and skipped where the folder is absent.
 */
class StatisticsTest {
  static final Path RESEARCH_DATA = Path.of("../../shared/research-data");
  static final double EXACT = 1e-12;

  static List<String> labels(String spaceSeparated) {
    return List.of(spaceSeparated.split(" "));
  }

  // --- Cohen's kappa

  @Test
  void kappaOfAWorkedExampleIsOneHalf() {
    // 6 items, agreement on items 1, 2, 4, 6: po = 4/6.
    // Marginals a: A3 B2 C1, b: A2 B2 C2, so pe = (3*2 + 2*2 + 1*2) / 36 = 12/36 = 1/3.
    // kappa = (2/3 - 1/3) / (1 - 1/3) = 1/2.
    assertEquals(0.5, Statistics.cohensKappa(labels("A A A B B C"), labels("A A B B C C")), EXACT);
  }

  @Test
  void kappaCountsACategoryOnlyOneRaterUsed() {
    // po = 2/3; a: A2 B1, b: A2 C1; only A is shared, pe = 2*2/9 = 4/9; kappa = (6/9 - 4/9) / (5/9) = 2/5.
    assertEquals(0.4, Statistics.cohensKappa(labels("A A B"), labels("A A C")), EXACT);
  }

  @Test
  void kappaIsOneForPerfectAndMinusOneForSystematicDisagreement() {
    assertEquals(1.0, Statistics.cohensKappa(labels("A B C A"), labels("A B C A")), EXACT);
    // po = 0, pe = (1*1 + 1*1)/4 = 1/2, kappa = -1/2 / 1/2 = -1.
    assertEquals(-1.0, Statistics.cohensKappa(labels("A B"), labels("B A")), EXACT);
  }

  @Test
  void kappaIsOneWhenBothRatersGiveOneLabelThroughout() {
    // pe = 1: the formula is 0/0, defined as perfect agreement.
    assertEquals(1.0, Statistics.cohensKappa(labels("A A A"), labels("A A A")));
  }

  @Test
  void kappaRejectsUnpairedOrEmptyInput() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.cohensKappa(labels("A B"), labels("A")));
    assertThrows(IllegalArgumentException.class, () -> Statistics.cohensKappa(List.of(), List.of()));
  }

  // --- macro precision / recall / F1

  @Test
  void macroAveragesPerClassFiguresIncludingANeverPredictedClass() {
    // class 0: tp 1, predicted 2, gold 2 -> P 1/2, R 1/2, F1 1/2
    // class 1: tp 2, predicted 3, gold 2 -> P 2/3, R 1,   F1 4/5
    // class 2: tp 0, predicted 0, gold 1 -> P 0 (zero_division), R 0, F1 0
    ClassScores s = Statistics.macro(labels("0 0 1 1 2"), labels("0 1 1 1 0"), labels("0 1 2"));
    assertEquals(7 / 18.0, s.precision(), EXACT);
    assertEquals(1 / 2.0, s.recall(), EXACT);
    assertEquals(13 / 30.0, s.f1(), EXACT);
  }

  @Test
  void macroCountsAListedClassAbsentEverywhereAsZeroAndIgnoresUnlistedLabels() {
    // Listed class "x" appears nowhere: P = R = F1 = 0 and it halves the average.
    // The unlisted prediction "z" is wrong for class "a" (lowers its recall) but scores for no class.
    // class a: tp 1, predicted 1, gold 2 -> P 1, R 1/2, F1 2/3.
    ClassScores s = Statistics.macro(labels("a a"), labels("a z"), labels("a x"));
    assertEquals(1 / 2.0, s.precision(), EXACT);
    assertEquals(1 / 4.0, s.recall(), EXACT);
    assertEquals(1 / 3.0, s.f1(), EXACT);
  }

  @Test
  void macroRejectsUnpairedInputOrNoClasses() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.macro(labels("a"), labels("a a"), labels("a")));
    assertThrows(IllegalArgumentException.class, () -> Statistics.macro(labels("a"), labels("a"), List.of()));
  }

  // --- correlations

  @Test
  void pearsonOfAWorkedExample() {
    // deviations x: -1 0 1, y: -1 1 0 -> sxy 1, sxx 2, syy 2 -> r = 1/2
    assertEquals(0.5, Statistics.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), EXACT);
    assertEquals(-1.0, Statistics.pearson(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2}), EXACT);
  }

  @Test
  void spearmanGivesTiesTheMeanRank() {
    // ranks x: 1 2.5 2.5 4, y: 1 3 2 4; deviations x: -1.5 0 0 1.5, y: -1.5 .5 -.5 1.5
    // sxy 4.5, sxx 4.5, syy 5 -> rho = 4.5 / sqrt(22.5) = sqrt(0.9)
    assertEquals(Math.sqrt(0.9), Statistics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), EXACT);
  }

  @Test
  void spearmanIsOneForAnyIncreasingRelation() {
    assertEquals(1.0, Statistics.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64}), EXACT);
  }

  @Test
  void averageRanksSpanTiedRuns() {
    assertEquals(List.of(4.0, 2.0, 2.0, 2.0, 5.0),
        java.util.Arrays.stream(Statistics.averageRanks(new double[] {7, 3, 3, 3, 9})).boxed().toList());
  }

  @Test
  void kendallTauBCorrectsForTies() {
    // 6 pairs: (1,2) is tied in x only, the other 5 concordant. n0 = 6, n1 = 1, n2 = 0.
    // tau-b = 5 / sqrt(5 * 6) = sqrt(5/6); tau-a would give 5/6.
    assertEquals(Math.sqrt(5 / 6.0),
        Statistics.kendallTauB(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}), EXACT);
    // Pair (0,1) tied in both: C = 2, n0 = 3, n1 = n2 = 1 -> 2 / sqrt(2 * 2) = 1.
    assertEquals(1.0, Statistics.kendallTauB(new double[] {1, 1, 2}, new double[] {1, 1, 3}), EXACT);
  }

  @Test
  void kendallTauBCountsDiscordantPairs() {
    // (0,1) and (0,2) discordant, (1,2) concordant: (1 - 2) / 3.
    assertEquals(-1 / 3.0, Statistics.kendallTauB(new double[] {1, 2, 3}, new double[] {3, 1, 2}), EXACT);
  }

  @Test
  void correlationsAreNaNWhenAnInputIsConstantOrTooShort() {
    double[] constant = {2, 2, 2};
    double[] varying = {1, 2, 3};
    assertEquals(Double.NaN, Statistics.pearson(constant, varying));
    assertEquals(Double.NaN, Statistics.spearman(varying, constant));
    assertEquals(Double.NaN, Statistics.kendallTauB(constant, varying));
    assertEquals(Double.NaN, Statistics.pearson(new double[] {1}, new double[] {2}));
    assertEquals(Double.NaN, Statistics.kendallTauB(new double[] {1}, new double[] {2}));
  }

  @Test
  void correlationsRejectUnpairedOrNaNInput() {
    assertThrows(IllegalArgumentException.class, () -> Statistics.pearson(new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> Statistics.kendallTauB(new double[] {1, 2}, new double[] {Double.NaN, 2}));
  }

  // --- PandaLM (README section 1): figures printed by the repo's data/compute_metrics.py

  static JsonNode pandaLm(String file) throws IOException {
    Path dir = RESEARCH_DATA.resolve("pandalm");
    Assumptions.assumeTrue(Files.exists(dir), "research data absent: " + dir.toAbsolutePath().normalize());
    return Json.mapper().readTree(dir.resolve(file).toFile());
  }

  static List<String> annotator(JsonNode testset, int which) {
    List<String> out = new ArrayList<>();
    testset.forEach(item -> out.add(item.get("annotator" + which).asText()));
    return out;
  }

  static List<String> majorityGold() throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode item : pandaLm("testset-v1.json")) {
      int gold = PandaLmReproductionTest.majority(
          item.get("annotator1").asInt(), item.get("annotator2").asInt(), item.get("annotator3").asInt());
      out.add(String.valueOf(gold));
    }
    return out;
  }

  @Test
  void pandaLmAnnotatorKappasMatchTheReadme() throws IOException {
    JsonNode testset = pandaLm("testset-v1.json");
    assertEquals(0.852, Statistics.cohensKappa(annotator(testset, 1), annotator(testset, 2)), 0.0005);
    assertEquals(0.879, Statistics.cohensKappa(annotator(testset, 1), annotator(testset, 3)), 0.0005);
    assertEquals(0.862, Statistics.cohensKappa(annotator(testset, 2), annotator(testset, 3)), 0.0005);
  }

  @Test
  void pandaLmGpt35MacroScores() throws IOException {
    List<String> pred = new ArrayList<>();
    for (JsonNode item : pandaLm("gpt-3.5-turbo-testset-v1.json")) {
      String raw = item.get("gpt_result").asText();
      pred.add(switch (raw) {
        case "Tie", "tie", "garbage" -> "0";
        default -> String.valueOf(Integer.parseInt(raw));
      });
    }
    ClassScores s = Statistics.macro(majorityGold(), pred, labels("0 1 2"));
    assertEquals(0.5879, s.precision(), 0.00005);
    assertEquals(0.5736, s.recall(), 0.00005);
    assertEquals(0.5755, s.f1(), 0.00005);
  }

  @Test
  void pandaLm7bMacroScores() throws IOException {
    List<String> pred = new ArrayList<>();
    pandaLm("pandalm-7b-testset-v1.json").forEach(item -> pred.add(String.valueOf(item.get("pandalm_result").asInt())));
    ClassScores s = Statistics.macro(majorityGold(), pred, labels("0 1 2"));
    assertEquals(0.5738, s.precision(), 0.00005);
    assertEquals(0.5750, s.recall(), 0.00005);
    assertEquals(0.5743, s.f1(), 0.00005);
  }

  // --- UniEval Topical-Chat (README section 4): turn-level correlations over all 360 records

  @ParameterizedTest
  @CsvSource({
    "naturalness,       0.443666, 0.513986, 0.373973",
    "coherence,         0.595143, 0.612942, 0.465915",
    "engagingness,      0.55651,  0.604739, 0.455941",
    "groundedness,      0.536209, 0.574954, 0.451533",
    "understandability, 0.380038, 0.467807, 0.360741",
    "overall,           0.632796, 0.662583, 0.487272",
  })
  void uniEvalTopicalChatCorrelations(String dimension, double pearson, double spearman, double kendall)
      throws IOException {
    Path file = RESEARCH_DATA.resolve("unieval/topical_chat_result.json");
    Assumptions.assumeTrue(Files.exists(file), "research data absent: " + file.toAbsolutePath().normalize());
    JsonNode records = Json.mapper().readTree(file.toFile());
    assertEquals(360, records.size());
    double[] human = new double[records.size()];
    double[] uniEval = new double[records.size()];
    for (int i = 0; i < records.size(); i++) {
      human[i] = records.get(i).get("scores").get(dimension).asDouble();
      uniEval[i] = records.get(i).get("predict_scores").get(dimension).asDouble();
    }
    // The published figures are rounded to 6 decimals (engagingness's Pearson to 5, a trailing zero dropped).
    double tolerance = 0.5e-6 + 1e-12;
    assertEquals(pearson, Statistics.pearson(human, uniEval), tolerance);
    assertEquals(spearman, Statistics.spearman(human, uniEval), tolerance);
    assertEquals(kendall, Statistics.kendallTauB(human, uniEval), tolerance);
    // All three are symmetric, so which side is "human" cannot change the figure.
    assertEquals(Statistics.kendallTauB(human, uniEval), Statistics.kendallTauB(uniEval, human), EXACT);
  }
}
