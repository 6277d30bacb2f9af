package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.eval.Statistics.ClassScores;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-worked cases for each statistic, and the correlations (commons-math3's) against their definitions. The
 * published figures of PandaLM and UniEval are reproduced through the whole meta-evaluation in
 * {@link PandaLmReproductionTest} and {@link UniEvalReproductionTest}.
 */
class StatisticsTest {
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
    void noCorrelationIsAPositiveZero() {
        // Symmetric about the middle x: r = 0, which Commons Math gives as -0.0 here and a report would print as
        // -0.0000.
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] y = {0.7, 0.3, 0.1, 0.3, 0.7};
        assertEquals(0.0, Statistics.pearson(x, y));
        assertEquals(0.0, Statistics.spearman(x, y));
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
    void spearmanRanksATiedRunAtItsMeanRank() {
        // x ranks 4, 2, 2, 2, 5 (the three 3s share ranks 1..3); y ranks are the same numbers, so rho = 1 exactly when
        // the ties get their mean rank, and less with any other tie rule.
        assertEquals(1.0, Statistics.spearman(new double[] {7, 3, 3, 3, 9}, new double[] {4, 2, 2, 2, 5}), EXACT);
    }

    @Test
    void aNegativeZeroTiesWithZero() {
        // -0.0 sorts below 0.0 in Double.compare, which orders and ties values in Commons Math; a score is a score.
        double[] x = {0.0, -0.0, 1};
        double[] y = {1, 2, 3};
        // Pairs: (0,1) tied in x, (0,2) and (1,2) concordant: tau-b = 2 / sqrt(2 * 3).
        assertEquals(2 / Math.sqrt(6), Statistics.kendallTauB(x, y), EXACT);
        // x ranks 1.5 1.5 3 against 1 2 3: sxy 1.5, sxx 1.5, syy 2 -> rho = sqrt(3) / 2.
        assertEquals(Math.sqrt(3) / 2, Statistics.spearman(x, y), EXACT);
    }

    @Test
    void kendallTauBCorrectsForTies() {
        // 6 pairs: (1,2) is tied in x only, the other 5 concordant. n0 = 6, n1 = 1, n2 = 0.
        // tau-b = 5 / sqrt(5 * 6) = sqrt(5/6); tau-a would give 5/6.
        assertEquals(
                Math.sqrt(5 / 6.0),
                Statistics.kendallTauB(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}),
                EXACT);
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
        assertEquals(Double.NaN, Statistics.pearson(varying, constant));
        assertEquals(Double.NaN, Statistics.spearman(new double[] {1}, new double[] {2}));
        assertEquals(Double.NaN, Statistics.spearman(varying, constant));
        assertEquals(Double.NaN, Statistics.kendallTauB(constant, varying));
        assertEquals(Double.NaN, Statistics.pearson(new double[] {1}, new double[] {2}));
        assertEquals(Double.NaN, Statistics.kendallTauB(new double[] {1}, new double[] {2}));
    }

    @Test
    void correlationsRejectUnpairedOrNaNInput() {
        assertThrows(IllegalArgumentException.class, () -> Statistics.pearson(new double[] {1, 2}, new double[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Statistics.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Statistics.kendallTauB(new double[] {1, 2}, new double[] {Double.NaN, 2}));
    }

    // --- the correlations of Commons Math against their definitions, on tied data

    /** Kendall's tau-b pair by pair: O(n²), too slow for the bootstrap, right by inspection. */
    static double kendallTauBByPairs(double[] x, double[] y) {
        long concordantMinusDiscordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                int sx = (int) Math.signum(x[i] - x[j]);
                int sy = (int) Math.signum(y[i] - y[j]);
                tiedX += sx == 0 ? 1 : 0;
                tiedY += sy == 0 ? 1 : 0;
                concordantMinusDiscordant += (long) sx * sy;
            }
        }
        long pairs = (long) x.length * (x.length - 1) / 2;
        return concordantMinusDiscordant / Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    }

    /** Pearson's r in two passes (mean first), the textbook form. */
    static double pearsonByDefinition(double[] x, double[] y) {
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double meanY = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** 1-based ranks, each value ranked at 1 + (values below it) + (other copies of it) / 2: the mean rank of its run. */
    static double[] meanRanksByCounting(double[] values) {
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int below = 0;
            int copies = 0;
            for (double v : values) {
                below += v < values[i] ? 1 : 0;
                copies += v == values[i] ? 1 : 0;
            }
            ranks[i] = below + (copies + 1) / 2.0;
        }
        return ranks;
    }

    /** Random scores with many ties, correlated half the time so that both signs occur. */
    static double[][] tiedScores(java.util.SplittableRandom rng, int n, int distinct) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(distinct);
            y[i] = rng.nextBoolean() ? x[i] + rng.nextInt(2) : rng.nextInt(distinct);
        }
        return new double[][] {x, y};
    }

    static void assertSameOrBothNaN(double expected, double actual, double[] x, double[] y) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual));
        } else {
            assertEquals(
                    expected, actual, 1e-12, () -> java.util.Arrays.toString(x) + " / " + java.util.Arrays.toString(y));
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 3", "5, 10", "40, 4", "300, 6", "1000, 1000"})
    void theCorrelationsEqualTheirDefinitionsOnTiedData(int n, int distinct) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(n * 31L + distinct);
        for (int trial = 0; trial < 20; trial++) {
            double[][] xy = tiedScores(rng, n, distinct);
            double[] x = xy[0];
            double[] y = xy[1];
            assertSameOrBothNaN(kendallTauBByPairs(x, y), Statistics.kendallTauB(x, y), x, y);
            assertSameOrBothNaN(pearsonByDefinition(x, y), Statistics.pearson(x, y), x, y);
            assertSameOrBothNaN(
                    pearsonByDefinition(meanRanksByCounting(x), meanRanksByCounting(y)),
                    Statistics.spearman(x, y),
                    x,
                    y);
        }
    }
}
