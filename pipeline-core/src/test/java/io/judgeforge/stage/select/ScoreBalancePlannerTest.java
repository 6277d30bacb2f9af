package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreBalancePlannerTest {
    @Test
    void capsTheDominantScoreToTheShare() {
        // 56% at score 4, as in the paper's early data: 4 is cut until it holds at most 40%.
        Map<Integer, Long> kept = ScoreBalancePlanner.kept(Map.of(1, 5L, 2, 10L, 3, 20L, 4, 56L, 5, 9L), 0.4);
        long total = kept.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(Map.of(1, 5L, 2, 10L, 3, 20L, 4, 29L, 5, 9L), kept);
        assertEquals(73, total);
        assertEquals(true, kept.get(4) <= 0.4 * total);
    }

    @Test
    void keepsEverythingWhenNoScoreExceedsTheShare() {
        Map<Integer, Long> h = Map.of(1, 10L, 2, 10L, 3, 10L);
        assertEquals(h, ScoreBalancePlanner.kept(h, 0.4));
    }

    @Test
    void fallsBackToEvenWhenTheShareIsUnreachable() {
        assertEquals(Map.of(3, 4L, 4, 4L), ScoreBalancePlanner.kept(Map.of(3, 4L, 4, 30L), 0.4));
    }

    /** 23 of {5, 10, 20}: level 9 gives 5 + 9 + 9 = 23. */
    @Test
    void fillKeepsTheMostEvenCountsForAQuota() {
        assertEquals(Map.of(1, 5L, 2, 9L, 3, 9L), ScoreBalancePlanner.fill(Map.of(1, 5L, 2, 10L, 3, 20L), 23));
        // 24: level 9 leaves one, which goes to the first bucket still above it.
        assertEquals(Map.of(1, 5L, 2, 10L, 3, 9L), ScoreBalancePlanner.fill(Map.of(1, 5L, 2, 10L, 3, 20L), 24));
        assertEquals(Map.of(1, 5L, 2, 10L, 3, 20L), ScoreBalancePlanner.fill(Map.of(1, 5L, 2, 10L, 3, 20L), 99));
    }

    /** Even shares over {1: 6, 2: 30, 3: 12}: the total is 3 x 6 = 18, six each. */
    @Test
    void shapedKeepsTheTargetDistributionAsFarAsTheSmallestBucketAllows() {
        assertEquals(
                Map.of(1, 6L, 2, 6L, 3, 6L),
                ScoreBalancePlanner.shaped(Map.of(1, 6L, 2, 30L, 3, 12L), Map.of(1, 1.0, 2, 1.0, 3, 1.0)));
        // Shares 1:2:1 over the same supply: T = min(6*4/1, 30*4/2, 12*4/1) = 24.
        assertEquals(
                Map.of(1, 6L, 2, 12L, 3, 6L),
                ScoreBalancePlanner.shaped(Map.of(1, 6L, 2, 30L, 3, 12L), Map.of(1, 1.0, 2, 2.0, 3, 1.0)));
    }
}
