package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.stage.select.BalanceReport.LabelCount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceReportTest {
    @Test
    void perScenarioTheLabelsBeforeAndAfterAndTheIfdSpread() {
        List<LabelCount> before = List.of(
                new LabelCount("open_qa", "single", "4", 9),
                new LabelCount("math_qa", "single", "5", 3),
                new LabelCount("math_qa", "pairwise", "A", 2),
                new LabelCount("math_qa", "single", "4", 8));
        List<LabelCount> after =
                List.of(new LabelCount("math_qa", "single", "4", 2), new LabelCount("math_qa", "pairwise", "A", 2));
        Map<String, List<Double>> ifd =
                Map.of("math_qa", List.of(0.4, 0.5, 0.55, 0.6, 0.7), "open_qa", List.of(0.5, 0.5, 0.5, 0.5, 0.5));
        // Scenarios, modes and labels sorted; a scenario with nothing selected has no "after".
        assertEquals(
                "{\"math_qa\":{\"before\":{\"pairwise\":{\"A\":2},\"single\":{\"4\":8,\"5\":3}},"
                        + "\"after\":{\"pairwise\":{\"A\":2},\"single\":{\"4\":2}},"
                        + "\"ifd\":{\"min\":0.4,\"p10\":0.5,\"median\":0.55,\"p90\":0.6,\"max\":0.7}},"
                        + "\"open_qa\":{\"before\":{\"single\":{\"4\":9}},"
                        + "\"ifd\":{\"min\":0.5,\"p10\":0.5,\"median\":0.5,\"p90\":0.5,\"max\":0.5}}}",
                BalanceReport.json(before, after, ifd));
    }

    @Test
    void theLabelCountsOfBinnedGroupsSumTheirBins() {
        List<BalanceReport.BinnedCount> binned = List.of(
                new BalanceReport.BinnedCount("math_qa", "single", "4", 0, 3),
                new BalanceReport.BinnedCount("math_qa", "single", "4", 7, 2),
                new BalanceReport.BinnedCount("math_qa", "pairwise", "A", 7, 1));
        assertEquals(
                List.of(new LabelCount("math_qa", "single", "4", 5), new LabelCount("math_qa", "pairwise", "A", 1)),
                BalanceReport.labelCounts(binned));
    }

    @Test
    void theReportReadsBackAsWritten() {
        String json = BalanceReport.json(
                List.of(new LabelCount("math_qa", "single", "5", 3), new LabelCount("open_qa", "pairwise", "C", 1)),
                List.of(new LabelCount("math_qa", "single", "5", 2)),
                Map.of("math_qa", List.of(0.4, 0.5, 0.55, 0.6, 0.7)));
        Map<String, BalanceReport.ScenarioBalance> read = BalanceReport.read(json);
        assertEquals(List.of("math_qa", "open_qa"), List.copyOf(read.keySet()));
        assertEquals(Map.of("single", Map.of("5", 3L)), read.get("math_qa").before());
        assertEquals(Map.of("single", Map.of("5", 2L)), read.get("math_qa").after());
        assertEquals(0.55, read.get("math_qa").ifd().median());
        assertEquals(null, read.get("open_qa").after(), "nothing of open_qa was selected");
        assertEquals(null, read.get("open_qa").ifd());
    }

    @Test
    void theIfdSpreadNeedsEveryQuantile() {
        assertEquals(5, BalanceReport.IFD_QUANTILES.size());
        assertThrows(IllegalArgumentException.class, () -> BalanceReport.IfdSpread.of(List.of(0.1, 0.2)));
    }
}
