package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.export.SetCountsTally.Group;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetCountsTallyTest {
    static final List<Group> JUDGE = List.of(
            new Group("train", "close_qa", "single", 4, null, 3),
            new Group("train", "close_qa", "single", 10, null, 1),
            new Group("train", "math_qa", "pairwise", null, "A", 2),
            new Group("validation", "close_qa", "reference", 4, null, 1),
            new Group("validation", "math_qa", "pairwise", null, "C", 5));

    @Test
    void theJudgeSetIsCountedBySplitScenarioModeScoreAndVerdict() {
        Manifest.SetCounts c = SetCountsTally.of("judge: ...", JUDGE);
        assertEquals("judge: ...", c.task());
        assertEquals(12, c.records());
        assertEquals(Map.of("train", 6L, "validation", 6L), c.bySplit());
        assertEquals(Map.of("close_qa", 5L, "math_qa", 7L), c.byScenario());
        assertEquals(Map.of("single", 4L, "pairwise", 7L, "reference", 1L), c.byMode());
        assertEquals(Map.of("4", 4L, "10", 1L), c.byScore());
        assertEquals(Map.of("A", 2L, "C", 5L), c.byVerdict());
        assertEquals(
                Map.of(
                        "train",
                        Map.of("close_qa", 4L, "math_qa", 2L),
                        "validation",
                        Map.of("close_qa", 1L, "math_qa", 5L)),
                c.bySplitAndScenario());
    }

    @Test
    void setsWithoutModesScoresOrVerdictsLeaveThoseEmpty() {
        Manifest.SetCounts c = SetCountsTally.of(
                "classifier",
                List.of(
                        new Group("train", "open_qa", null, null, null, 9),
                        new Group("validation", "open_qa", null, null, null, 2)));
        assertEquals(11, c.records());
        assertEquals(Map.of(), c.byMode());
        assertEquals(Map.of(), c.byScore());
        assertEquals(Map.of(), c.byVerdict());
        assertEquals(Map.of("open_qa", 11L), c.byScenario());
    }

    /** The manifest is written with the maps' iteration order, which must not follow Spark's group order. */
    @Test
    void everyMapIsInKeyOrderWhateverTheGroupOrder() {
        List<Group> shuffled = new ArrayList<>(JUDGE);
        Collections.reverse(shuffled);
        Manifest.SetCounts c = SetCountsTally.of("judge", shuffled);
        assertEquals(c, SetCountsTally.of("judge", JUDGE));
        assertEquals(List.of("10", "4"), List.copyOf(c.byScore().keySet()));
        assertEquals(
                List.of("pairwise", "reference", "single"),
                List.copyOf(c.byMode().keySet()));
        assertEquals(
                List.of("train", "validation"),
                List.copyOf(c.bySplitAndScenario().keySet()));
        assertEquals(
                List.of("close_qa", "math_qa"),
                List.copyOf(c.bySplitAndScenario().get("validation").keySet()));
    }

    @Test
    void anEmptySetHasNoCounts() {
        assertEquals(
                new Manifest.SetCounts("questioner", 0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()),
                SetCountsTally.of("questioner", List.of()));
    }
}
