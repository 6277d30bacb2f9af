package io.judgeforge.stage.select;

import static io.judgeforge.stage.select.Buckets.key;
import static io.judgeforge.stage.select.Buckets.units;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.select.CapStep.BucketSupply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceCapsTest {
    static final BalanceCaps DEFAULTS = new BalanceCaps(0.4, Map.of());

    @Test
    void tiesAreKeptAtMostAsOftenAsDecisivePairs() {
        Map<BucketKey, Long> caps = DEFAULTS.caps(List.of(
                units("math_qa", "pairwise", "decisive", 6),
                units("math_qa", "pairwise", "tie", 9),
                units("open_qa", "pairwise", "tie", 3),
                units("open_qa", "pairwise", "decisive", 10)));
        assertEquals(
                Map.of(
                        key("math_qa", "pairwise", "decisive"),
                        6L,
                        key("math_qa", "pairwise", "tie"),
                        6L,
                        key("open_qa", "pairwise", "decisive"),
                        10L,
                        key("open_qa", "pairwise", "tie"),
                        3L),
                caps);
    }

    @Test
    void withoutDecisivePairsNoTieIsKept() {
        assertEquals(
                Map.of(key("math_qa", "pairwise", "tie"), 0L),
                DEFAULTS.caps(List.of(units("math_qa", "pairwise", "tie", 4))));
    }

    /** 56% at score 4 as in the paper's early data: capped until it holds at most 40% of what is kept. */
    @Test
    void pointwiseScoresAreCappedPerScenarioAndModeAtTheMaxShare() {
        List<BucketSupply> supply = new ArrayList<>();
        long[] counts = {5, 10, 20, 56, 9};
        for (int score = 1; score <= 5; score++) {
            supply.add(units("math_qa", "single", Integer.toString(score), counts[score - 1]));
        }
        // The same scores in the reference mode are balanced on their own: 4 of 8 records at score 4 is over 40%.
        supply.add(units("math_qa", "reference", "4", 4));
        supply.add(units("math_qa", "reference", "2", 4));
        Map<BucketKey, Long> caps = DEFAULTS.caps(supply);
        assertEquals(29L, caps.get(key("math_qa", "single", "4")));
        assertEquals(20L, caps.get(key("math_qa", "single", "3")));
        assertEquals(4L, caps.get(key("math_qa", "reference", "4")), "two scores cannot meet 40%: as even as possible");
    }

    @Test
    void scoreSharesShapePointwiseScoresInsteadOfTheMaxShare() {
        // Even shares over {1: 6, 2: 30, 3: 12}: 18 in all, six each; score 5 has no share and keeps nothing.
        BalanceCaps even = new BalanceCaps(0.4, Map.of("1", 1.0, "2", 1.0, "3", 1.0));
        Map<BucketKey, Long> caps = even.caps(List.of(
                units("open_qa", "single", "1", 6),
                units("open_qa", "single", "2", 30),
                units("open_qa", "single", "3", 12),
                units("open_qa", "single", "5", 7)));
        for (String score : List.of("1", "2", "3")) {
            assertEquals(6L, caps.get(key("open_qa", "single", score)), "score " + score);
        }
        assertEquals(0L, caps.get(key("open_qa", "single", "5")));
    }

    @Test
    void aCutUnitSaysWhichBucketWasCappedAndAt() {
        assertEquals("balance", DEFAULTS.name());
        assertEquals(
                "pairwise tie of math_qa capped at 6 units", DEFAULTS.detail(key("math_qa", "pairwise", "tie"), 6));
    }
}
