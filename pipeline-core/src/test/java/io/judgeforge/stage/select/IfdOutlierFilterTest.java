package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.IfdFilter;
import io.judgeforge.stage.score.IfdScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IfdOutlierFilterTest {
    static final IfdOutlierFilter THEMIS = new IfdOutlierFilter(IfdFilter.Z_SCORE, 3.0);
    static final IfdOutlierFilter CHERRY = new IfdOutlierFilter(IfdFilter.CHERRY, 3.0);

    static IfdScore single(String id, String scenario, double ifd) {
        return new IfdScore(id, scenario, "single", "3", null, 1, 2, ifd, 10);
    }

    static IfdScore paired(String id, String scenario, String pair, double ifd) {
        return new IfdScore(id, scenario, "pairwise", "A", pair, 1, 2, ifd, 10);
    }

    /** Ten records at 0.5 and one at 5.0: mean 0.909..., sample sd 1.356..., so 5.0 sits at z = 3.015. */
    static List<IfdScore> tenAndOneFarAbove(String scenario) {
        List<IfdScore> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(single(scenario + "-" + i, scenario, 0.5));
        }
        records.add(single(scenario + "-far", scenario, 5.0));
        return records;
    }

    @Test
    void aZScoreAboveTheBoundWithinItsScenarioAndModeIsAnOutlier() {
        List<IfdScore> records = tenAndOneFarAbove("math_qa");
        assertEquals(Map.of("math_qa-far", "IFD z-score 3.02 > 3.0"), THEMIS.outliers(records));
        assertEquals(Map.of(), new IfdOutlierFilter(IfdFilter.Z_SCORE, 3.1).outliers(records), "3.015 is within 3.1");
    }

    @Test
    void theStatisticsAreTakenPerScenarioAndMode() {
        List<IfdScore> records = new ArrayList<>(tenAndOneFarAbove("math_qa"));
        // The same IFD of 5.0 among other fives is no outlier in its own scenario, nor in another mode of math_qa.
        for (int i = 0; i < 4; i++) {
            records.add(single("open_qa-" + i, "open_qa", 5.0));
            records.add(new IfdScore("ref-" + i, "math_qa", "reference", "3", null, 1, 2, 4.0 + i, 10));
        }
        assertEquals(Map.of("math_qa-far", "IFD z-score 3.02 > 3.0"), THEMIS.outliers(records));
    }

    @Test
    void aGroupOfOneOrWithoutSpreadHasNoOutlier() {
        assertEquals(Map.of(), THEMIS.outliers(List.of(single("alone", "math_qa", 9.0))));
        assertEquals(Map.of(), THEMIS.outliers(List.of(single("a", "math_qa", 2.0), single("b", "math_qa", 2.0))));
        assertEquals(0.0, IfdOutlierFilter.zScore(9.0, 1.0, null));
        assertEquals(0.0, IfdOutlierFilter.zScore(9.0, 1.0, 0.0));
    }

    @Test
    void aPairLosesBothOrdersWhenEitherIsAnOutlier() {
        List<IfdScore> records = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            records.add(paired("p" + p + "-original", "math_qa", "p" + p, 0.5));
            records.add(paired("p" + p + "-swapped", "math_qa", "p" + p, p == 3 ? 9.0 : 0.5));
        }
        Map<String, String> outliers = THEMIS.outliers(records);
        assertEquals(List.of("p3-original", "p3-swapped"), List.copyOf(outliers.keySet()));
        assertEquals(IfdOutlierFilter.PAIR_DETAIL, outliers.get("p3-original"));
        assertTrue(outliers.get("p3-swapped").startsWith("IFD z-score 4.2"), outliers.get("p3-swapped"));
    }

    @Test
    void thePairRuleKeepsAnOutlierItsOwnReason() {
        assertEquals(Optional.of("own"), IfdOutlierFilter.verdict(Optional.of("own"), true));
        assertEquals(Optional.of(IfdOutlierFilter.PAIR_DETAIL), IfdOutlierFilter.verdict(Optional.empty(), true));
        assertEquals(Optional.empty(), IfdOutlierFilter.verdict(Optional.empty(), false));
    }

    @Test
    void cherryDropsAnIfdAboveOneWithSparksNumberFormat() {
        List<IfdScore> records = List.of(
                single("one", "math_qa", 1.0),
                single("above", "math_qa", 1.2345),
                single("big", "math_qa", 1234.5678),
                single("below", "math_qa", 0.3));
        assertEquals(Map.of("above", "IFD 1.234 > 1", "big", "IFD 1,234.568 > 1"), CHERRY.outliers(records));
    }

    @Test
    void noFilterKeepsEverything() {
        IfdOutlierFilter none = new IfdOutlierFilter(IfdFilter.NONE, 3.0);
        assertEquals(Map.of(), none.outliers(tenAndOneFarAbove("math_qa")));
        assertEquals(Optional.empty(), none.ownOutlier(Double.NaN, 0, 1.0));
    }

    /** Spark SQL orders NaN above every number, so a NaN z-score (a group with a NaN or infinite IFD) is over any bound. */
    @Test
    void aNonFiniteIfdFiltersItsWholeGroupAsSparkDoes() {
        List<IfdScore> records = new ArrayList<>(tenAndOneFarAbove("open_qa"));
        records.add(single("inf", "math_qa", Double.POSITIVE_INFINITY));
        records.add(single("fine", "math_qa", 0.5));
        Map<String, String> outliers = THEMIS.outliers(records);
        assertEquals("IFD z-score NaN > 3.0", outliers.get("inf"));
        assertEquals("IFD z-score NaN > 3.0", outliers.get("fine"));
        assertEquals(3, outliers.size(), "and open_qa's own outlier");
        assertEquals(Optional.of("IFD NaN > 1"), CHERRY.ownOutlier(Double.NaN, 0, null));
    }

    @Test
    void numbersAreFormattedLikeSparksFormatNumber() {
        // Half-even on the binary value, grouped thousands, a dot for decimals whatever the default locale.
        assertEquals("0.12", IfdOutlierFilter.formatNumber(0.125, 2));
        assertEquals("0.38", IfdOutlierFilter.formatNumber(0.375, 2));
        assertEquals("-0.00", IfdOutlierFilter.formatNumber(-0.001, 2));
        assertEquals("12,345,678.900", IfdOutlierFilter.formatNumber(12345678.9, 3));
        assertEquals("3", IfdOutlierFilter.formatNumber(3.4, 0));
    }

    /** The running mean and Welford's update, as Spark's avg and stddev_samp, against the two-pass formulas. */
    @Test
    void groupStatisticsAreTheMeanAndSampleDeviation() {
        List<Double> values = List.of(0.52, 0.61, 0.47, 0.9, 0.55, 0.58);
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
        double squares =
                values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        IfdOutlierFilter.GroupStats stats = IfdOutlierFilter.GroupStats.of(values);
        assertEquals(mean, stats.mean(), 1e-15);
        assertEquals(Math.sqrt(squares / (values.size() - 1)), stats.sd(), 1e-15);
        assertNull(IfdOutlierFilter.GroupStats.of(List.of(0.7)).sd(), "stddev_samp of one value is null");
    }
}
