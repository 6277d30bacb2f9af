package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
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
            Rating rating = v instanceof String reason
                    ? new Rating.Unusable(reason)
                    : new Rating.Value(((Number) v).doubleValue());
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
        assertEquals((0 + 1 + 2 + 4) / 4.0, m.get(Metric.MAE));
        assertEquals((1 + 0.25 + 0 + 0) / 4.0, m.get(Metric.AGR_2_2));
        assertEquals(0.25, m.accuracy());
    }

    @Test
    void aMissingPredictionCostsTheLargestErrorPossibleForThatItem() {
        // human 1 -> 4 (a 5 would be off by 4); human 3 -> 2; human 4 -> 3. Unparsed and absent cost the same.
        List<BenchmarkItem> items = List.of(item("a", 1), item("b", 3), item("c", 4));
        Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("b", "no overall rating"));
        assertEquals(3, m.missing());
        assertEquals((4 + 2 + 3) / 3.0, m.get(Metric.MAE));
        assertEquals(0.0, m.get(Metric.AGR_2_2));
        assertEquals(0.0, m.accuracy());
        // On a 0-10 scale the same human 3 costs 7.
        Metrics wide = MetaMetrics.compute(EvalMode.POINTWISE, new Scale(0, 10), List.of(item("b", 3)), Map.of());
        assertEquals(7.0, wide.get(Metric.MAE));
    }

    @Test
    void maeUsesThePredictionAsGivenWhileAgreementAndAccuracyRoundIt() {
        // 3.5 rounds up to 4 (exact for human 4); 2.4 rounds to 2 (off by one for human 3).
        List<BenchmarkItem> items = List.of(item("a", 4), item("b", 3));
        Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 3.5, "b", 2.4));
        assertEquals(0, m.missing());
        assertEquals((0.5 + 0.6) / 2, m.get(Metric.MAE), 1e-12);
        assertEquals((1 + 0.25) / 2, m.get(Metric.AGR_2_2));
        assertEquals(0.5, m.accuracy());
    }

    @Test
    void pairwiseAccuracyTreatsTieAsAThirdClassAndMissingAsWrong() {
        List<BenchmarkItem> items =
                List.of(item("a", 1), item("b", 2), item("c", 0), item("d", 1), item("e", 2), item("f", 0));
        // a right, b wrong (said 1), c right (tie), d absent, e unparseable, f wrong (said 2 for a tie).
        Metrics m = MetaMetrics.compute(
                EvalMode.PAIRWISE,
                ONE_TO_FIVE,
                items,
                predictions("a", 1, "b", 1, "c", 0, "e", "not a pairwise label: 'maybe'", "f", 2));
        assertEquals(6, m.n());
        assertEquals(2, m.missing());
        assertEquals(2 / 6.0, m.accuracy());
        assertFalse(m.has(Metric.MAE));
        assertFalse(m.has(Metric.AGR_2_2));
        assertFalse(m.has(Metric.PEARSON));
        assertFalse(m.has(Metric.POSITIONAL_AGREEMENT), "no swapped order was given");
        assertNull(m.missingSwapped());
    }

    @Test
    void pointwiseKappaAndMacroTreatAMissingPredictionAsALabelOfItsOwn() {
        // Human 1 1 2 2; judge 1, 2, 2, missing. Labels "1" "2" "2" "missing".
        // po = 2/4; pe: human 1:2 2:2, judge 1:1 2:2 missing:1 -> (2*1 + 2*2)/16 = 6/16; kappa = (8/16 - 6/16)/(10/16)
        // = 0.2.
        // Classes {1, 2}: class 1 P 1/1 R 1/2 F1 2/3; class 2 P 1/2 R 1/2 F1 1/2.
        List<BenchmarkItem> items = List.of(item("a", 1), item("b", 1), item("c", 2), item("d", 2));
        Metrics m = MetaMetrics.compute(
                EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 1, "b", 2, "c", 2, "d", "x"));
        assertEquals(0.2, m.get(Metric.KAPPA), 1e-12);
        assertEquals(0.75, m.get(Metric.MACRO_PRECISION), 1e-12);
        assertEquals(0.5, m.get(Metric.MACRO_RECALL), 1e-12);
        assertEquals((2 / 3.0 + 0.5) / 2, m.get(Metric.MACRO_F1), 1e-12);
    }

    @Test
    void correlationsUseTheEndOnTheWrongSideOfTheGroupForAMissingPrediction() {
        // Human 1 2 4 5 (mean 3); d missing: 5 is above the mean, so its stand-in is the scale's lowest, 1.
        List<BenchmarkItem> items = List.of(item("a", 1), item("b", 2), item("c", 4), item("d", 5));
        Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 1, "b", 2, "c", 4));
        double[] human = {1, 2, 4, 5};
        double[] standIn = {1, 2, 4, 1};
        assertEquals(Statistics.pearson(human, standIn), m.get(Metric.PEARSON), 1e-12);
        assertEquals(Statistics.spearman(human, standIn), m.get(Metric.SPEARMAN), 1e-12);
        assertEquals(Statistics.kendallTauB(human, standIn), m.get(Metric.KENDALL_TAU_B), 1e-12);
        assertTrue(m.get(Metric.PEARSON) < 0.5, "a missing top item must pull the correlation down, not vanish");
    }

    @Test
    void aMissingPredictionNeverCompletesAPerfectCorrelation() {
        // Chosen by the scale's midpoint, the stand-in for human 3 (or 4) would be 1 and complete a perfect order;
        // chosen
        // against the group's mean, it sits on the wrong side of the others.
        Metrics low = MetaMetrics.compute(
                EvalMode.POINTWISE,
                ONE_TO_FIVE,
                List.of(item("a", 3), item("b", 4), item("c", 5), item("d", 5)),
                predictions("b", 4, "c", 5, "d", 5));
        Metrics high = MetaMetrics.compute(
                EvalMode.POINTWISE,
                ONE_TO_FIVE,
                List.of(item("a", 4), item("b", 5), item("c", 5)),
                predictions("b", 5, "c", 5));
        for (Metrics m : List.of(low, high)) {
            for (Metric metric : List.of(Metric.PEARSON, Metric.SPEARMAN, Metric.KENDALL_TAU_B)) {
                // Below 1, or undefined (NaN, reported as null) when the stand-in leaves the predictions constant.
                assertFalse(m.get(metric) >= 1, () -> metric + " " + m.get(metric));
            }
        }
        // MAE still charges the largest error the scale allows: 2 for human 3.
        assertEquals(2 / 4.0, low.get(Metric.MAE), 1e-12);
    }

    @Test
    void averagedHumanScoresGetNoLabelFiguresButStillMaeAndCorrelations() {
        List<BenchmarkItem> items = List.of(item("a", 1.5), item("b", 2), item("c", 4.25));
        Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 1, "b", 3, "c", 4));
        for (Metric absent : List.of(Metric.ACCURACY, Metric.AGR_2_2, Metric.KAPPA, Metric.MACRO_F1)) {
            assertFalse(m.has(absent), absent::key);
            assertFalse(m.random().containsKey(absent), absent::key);
        }
        assertEquals((0.5 + 1 + 0.25) / 3, m.get(Metric.MAE), 1e-12);
        assertEquals(1.0, m.get(Metric.SPEARMAN), 1e-12);
    }

    @Test
    void randomGuessingIsTheExactExpectationOverTheScale() {
        // Human 1: uniform 1..5 gives errors 0 1 2 3 4 -> MAE 2, Agr (1 + 0.25)/5, accuracy 1/5.
        // Human 3: errors 2 1 0 1 2 -> MAE 6/5, Agr (1 + 0.25 + 0.25)/5, accuracy 1/5.
        List<BenchmarkItem> items = List.of(item("a", 1), item("b", 3));
        Metrics m = MetaMetrics.compute(EvalMode.POINTWISE, ONE_TO_FIVE, items, predictions("a", 1, "b", 3));
        assertEquals((2 + 6 / 5.0) / 2, m.random().get(Metric.MAE), 1e-12);
        assertEquals((1.25 / 5 + 1.5 / 5) / 2, m.random().get(Metric.AGR_2_2), 1e-12);
        assertEquals(0.2, m.random().get(Metric.ACCURACY), 1e-12);
        assertEquals(0.0, m.random().get(Metric.KAPPA));
        // A perfect judge normalises to 1 on every aggregated figure; the random judge's values to 0.
        assertEquals(1.0, m.normalised(List.of(Metric.MAE, Metric.AGR_2_2)), 1e-12);
        assertFalse(m.random().containsKey(Metric.MACRO_F1), "no closed form, so not aggregatable");
    }

    @Test
    void pairwiseOrderFiguresFromBothVerdicts() {
        // (human, original, swapped mapped back):
        // a (1, 1, 1) consistent and right; b (2, 2, 1) inconsistent -> tie, wrong; c (0, 1, 2) inconsistent -> tie,
        // right;
        // d (1, 1, missing); e (2, 1, 1) consistent and wrong.
        List<BenchmarkItem> items = List.of(item("a", 1), item("b", 2), item("c", 0), item("d", 1), item("e", 2));
        Map<String, Prediction> predictions = Map.of(
                "a", new Prediction("a", new Rating.Value(1), new Rating.Value(1)),
                "b", new Prediction("b", new Rating.Value(2), new Rating.Value(1)),
                "c", new Prediction("c", new Rating.Value(1), new Rating.Value(2)),
                "d", new Prediction("d", new Rating.Value(1), new Rating.Unusable("empty prediction")),
                "e", new Prediction("e", new Rating.Value(1), new Rating.Value(1)));
        Metrics m = MetaMetrics.compute(EvalMode.PAIRWISE, ONE_TO_FIVE, items, predictions);
        assertEquals(0, m.missing());
        assertEquals(1, m.missingSwapped());
        assertEquals(3 / 5.0, m.accuracy()); // a b d
        assertEquals((3 + 1) / 10.0, m.get(Metric.ACCURACY_AVG_ORDERS), 1e-12); // swapped right: a
        assertEquals(2 / 5.0, m.get(Metric.POSITIONAL_AGREEMENT), 1e-12); // a e
        assertEquals(1 / 5.0, m.get(Metric.AGREEMENT_BOTH_ORDERS), 1e-12); // a
        assertEquals(2 / 5.0, m.get(Metric.ACCURACY_ORDER_RESOLVED), 1e-12); // a, c (tie)
        // One human tie in five: a random judge's resolved verdict is right 1/9 + 2/3 * 1/5 of the time.
        assertEquals(1 / 9.0 + 2 / 15.0, m.random().get(Metric.ACCURACY_ORDER_RESOLVED), 1e-12);
    }

    @Test
    void positionalAgreementIsTheShareOfItemsJudgedAlikeInBothOrdersRightOrWrong() {
        // LLMBar's positional agreement rate (Auto-J's and MT-Bench's "consistency"): only whether the two orders
        // give the same verdict counts, not whether it is the human one. Looked up by key, as --aggregate and the
        // reports name it. (human, original, swapped mapped back):
        // a (1, 1, 1) same, right; b (2, 1, 1) same, wrong; c (0, 0, 0) same tie, right; d (1, 1, 2) differ -> tie,
        // wrong; e (0, 2, 1) differ -> tie, right; f (2, 2, missing) a missing order is not agreement.
        List<BenchmarkItem> items =
                List.of(item("a", 1), item("b", 2), item("c", 0), item("d", 1), item("e", 0), item("f", 2));
        Map<String, Prediction> predictions = Map.of(
                "a", new Prediction("a", new Rating.Value(1), new Rating.Value(1)),
                "b", new Prediction("b", new Rating.Value(1), new Rating.Value(1)),
                "c", new Prediction("c", new Rating.Value(0), new Rating.Value(0)),
                "d", new Prediction("d", new Rating.Value(1), new Rating.Value(2)),
                "e", new Prediction("e", new Rating.Value(2), new Rating.Value(1)),
                "f", new Prediction("f", new Rating.Value(2), new Rating.Unusable("empty prediction")));
        Metrics m = MetaMetrics.compute(EvalMode.PAIRWISE, ONE_TO_FIVE, items, predictions);
        Metric positional = Metric.ofKey("--aggregate", "positional_agreement");
        Metric resolved = Metric.ofKey("--aggregate", "accuracy_order_resolved");
        assertEquals(3 / 6.0, m.get(positional), 1e-12); // a b c
        assertEquals(3 / 6.0, m.get(resolved), 1e-12); // a c e (the tie resolved from d and e is right for e)
        assertEquals(2 / 6.0, m.get(Metric.ofKey("--aggregate", "agreement_both_orders")), 1e-12); // a c
        // A random judge gives the same label in both orders with probability 1/3.
        assertEquals(1 / 3.0, m.random().get(positional), 1e-12);
        assertEquals(1 / 9.0 + 2 / 3.0 * 2 / 6.0, m.random().get(resolved), 1e-12);
        // One name per figure: the old alias is gone, and the error says what it became.
        String error = assertThrows(ConfigException.class, () -> Metric.ofKey("--aggregate", "consistency"))
                .getMessage();
        assertTrue(error.contains("renamed positional_agreement"), error);
    }
}
