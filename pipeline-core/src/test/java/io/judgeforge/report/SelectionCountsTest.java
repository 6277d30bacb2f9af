package io.judgeforge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.report.SelectionCounts.Side;
import io.judgeforge.stage.select.BalanceReport.ScenarioBalance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionCountsTest {
    static final Map<String, ScenarioBalance> BALANCE = Map.of(
            "math_qa",
            new ScenarioBalance(
                    Map.of(
                            "single",
                            Map.of("4", 8L, "10", 1L),
                            "reference",
                            Map.of("4", 2L),
                            "pairwise",
                            Map.of("A", 3L)),
                    Map.of("single", Map.of("4", 2L), "pairwise", Map.of("A", 3L)),
                    null),
            "open_qa",
            new ScenarioBalance(Map.of("single", Map.of("9", 4L), "pairwise", Map.of("C", 1L)), null, null));

    @Test
    void recordsPerScenarioOnEachSideWithNoneAsZero() {
        assertEquals(Map.of("math_qa", 14L, "open_qa", 5L), SelectionCounts.byScenario(BALANCE, Side.BEFORE));
        assertEquals(Map.of("math_qa", 5L, "open_qa", 0L), SelectionCounts.byScenario(BALANCE, Side.AFTER));
    }

    @Test
    void labelsOfTheGivenModesOverEveryScenarioScoresInNumericOrder() {
        Map<String, Long> scores = SelectionCounts.byLabel(BALANCE, Set.of("single", "reference"), Side.BEFORE);
        assertEquals(Map.of("4", 10L, "9", 4L, "10", 1L), scores);
        assertEquals(List.of("4", "9", "10"), List.copyOf(scores.keySet()));
        assertEquals(Map.of("A", 3L, "C", 1L), SelectionCounts.byLabel(BALANCE, Set.of("pairwise"), Side.BEFORE));
        assertEquals(Map.of("A", 3L), SelectionCounts.byLabel(BALANCE, Set.of("pairwise"), Side.AFTER));
    }

    @Test
    void bothSidesOverTheSameKeys() {
        Map<String, Long> before = Map.of("9", 4L, "10", 1L);
        Map<String, Long> after = Map.of("B", 2L, "10", 1L);
        List<String> keys = SelectionCounts.keys(before, after, SelectionCounts.LABELS);
        assertEquals(List.of("9", "10", "B"), keys);
        assertEquals(List.of(4L, 1L, 0L), SelectionCounts.values(before, keys));
        assertEquals(List.of(0L, 1L, 2L), SelectionCounts.values(after, keys));
    }
}
