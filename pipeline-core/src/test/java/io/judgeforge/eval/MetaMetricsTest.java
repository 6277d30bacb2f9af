package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metric arithmetic on cases small enough to work out by hand. */
class MetaMetricsTest {
  static final Scale ONE_TO_FIVE = new Scale(1, 5);

  static BenchmarkItem item(String id, double human) {
    return new BenchmarkItem(id, null, human);
  }

  static Map<String, Prediction> predictions(Object... idAndValue) {
    Map<String, Prediction> out = new LinkedHashMap<>();
    for (int i = 0; i < idAndValue.length; i += 2) {
      String id = (String) idAndValue[i];
      Object v = idAndValue[i + 1];
      Rating rating = v instanceof String reason ? new Rating.Unusable(reason) : new Rating.Value(((Number) v).doubleValue());
      out.put(id, new Prediction(id, rating));
    }
    return out;
  }

  @Test
  void agreementIsOneForExactQuarterForOffByOneAndZeroBeyond() {
    assertEquals(1.0, MetaMetrics.agreement(2, 2, 0));
    assertEquals(0.25, MetaMetrics.agreement(2, 2, 1));
    assertEquals(0.0, MetaMetrics.agreement(2, 2, 2));
    assertEquals(0.0, MetaMetrics.agreement(2, 2, 4));
    // Agr(1,q) is accuracy: only an exact match scores.
    assertEquals(1.0, MetaMetrics.agreement(1, 2, 0));
    assertEquals(0.0, MetaMetrics.agreement(1, 2, 1));
    assertEquals(1.0 / 3, MetaMetrics.agreement(3, 1, 2));
  }

  @Test
  void pointwiseExactOffByOneOffByTwoAndMissing() {
    List<BenchmarkItem> items = List.of(item("a", 3), item("b", 4), item("c", 2), item("d", 5));
    // a exact, b off by one, c off by two, d has no prediction: worst error for human 5 on 1-5 is 4.
    Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 3, "b", 5, "c", 4));
    assertEquals(4, m.n());
    assertEquals(1, m.missing());
    assertEquals((0 + 1 + 2 + 4) / 4.0, m.mae());
    assertEquals((1 + 0.25 + 0 + 0) / 4.0, m.agr22());
    assertEquals(0.25, m.accuracy());
  }

  @Test
  void aMissingPredictionCostsTheLargestErrorPossibleForThatItem() {
    // human 1 -> 4 (a 5 would be off by 4); human 3 -> 2; human 4 -> 3. Unparsed and absent cost the same.
    List<BenchmarkItem> items = List.of(item("a", 1), item("b", 3), item("c", 4));
    Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("b", "no overall rating"));
    assertEquals(3, m.missing());
    assertEquals((4 + 2 + 3) / 3.0, m.mae());
    assertEquals(0.0, m.agr22());
    assertEquals(0.0, m.accuracy());
    // On a 0-10 scale the same human 3 costs 7.
    Metrics wide = MetaMetrics.compute(EvalMode.POINTWISE, new Scale(0, 10), List.of(item("b", 3)), Map.of());
    assertEquals(7.0, wide.mae());
  }

  @Test
  void maeUsesThePredictionAsGivenWhileAgreementAndAccuracyRoundIt() {
    // 3.5 rounds up to 4 (exact for human 4); 2.4 rounds to 2 (off by one for human 3).
    List<BenchmarkItem> items = List.of(item("a", 4), item("b", 3));
    Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 3.5, "b", 2.4));
    assertEquals(0, m.missing());
    assertEquals((0.5 + 0.6) / 2, m.mae(), 1e-12);
    assertEquals((1 + 0.25) / 2, m.agr22());
    assertEquals(0.5, m.accuracy());
  }

  @Test
  void pairwiseAccuracyTreatsTieAsAThirdClassAndMissingAsWrong() {
    List<BenchmarkItem> items = List.of(item("a", 1), item("b", 2), item("c", 0), item("d", 1), item("e", 2), item("f", 0));
    // a right, b wrong (said 1), c right (tie), d absent, e unparseable, f wrong (said 2 for a tie).
    Metrics m = MetaMetrics.compute(EvalMode.PAIRWISE, ONE_TO_FIVE, items,
        predictions("a", 1, "b", 1, "c", 0, "e", "not a pairwise label: 'maybe'", "f", 2));
    assertEquals(6, m.n());
    assertEquals(2, m.missing());
    assertEquals(2 / 6.0, m.accuracy());
    assertNull(m.mae());
    assertNull(m.agr22());
  }
}
