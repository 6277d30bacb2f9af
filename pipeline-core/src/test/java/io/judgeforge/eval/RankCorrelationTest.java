package io.judgeforge.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/** The primitive rank statistics against commons-math3's, on data full of ties as human scores are. */
class RankCorrelationTest {
    @Test
    void spearmanAndKendallAgreeWithCommonsMathOnTiedAndUntiedData() {
        SplittableRandom random = new SplittableRandom(14);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(300);
            int levels = trial % 3 == 0 ? 1_000_000 : 2 + random.nextInt(9);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(levels);
                y[i] = random.nextDouble() < 0.7 ? x[i] + random.nextInt(3) - 1 : random.nextInt(levels);
            }
            double kendall = new KendallsCorrelation().correlation(x, y);
            double spearman = new SpearmansCorrelation().correlation(x, y);
            if (!Double.isNaN(kendall)) {
                assertEquals(kendall, Statistics.kendallTauB(x, y), 1e-12, "Kendall, trial " + trial);
            }
            if (!Double.isNaN(spearman)) {
                assertEquals(spearman, Statistics.spearman(x, y), 1e-12, "Spearman, trial " + trial);
            }
        }
    }

    @Test
    void negativeZeroIsZero() {
        double[] x = {-0.0, 0.0, 1.0, 2.0};
        double[] y = {1.0, 1.0, 2.0, 3.0};
        assertEquals(1.0, Statistics.kendallTauB(x, y), 1e-12);
        assertEquals(
                RankCorrelation.averageRanks(new double[] {0.0, 0.0, 1.0, 2.0})[0], RankCorrelation.averageRanks(x)[0]);
    }
}
