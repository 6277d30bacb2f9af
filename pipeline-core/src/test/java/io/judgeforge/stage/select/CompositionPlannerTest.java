package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionPlannerTest {
    static final Map<String, Long> SUPPLY =
            Map.of("math_qa", 100L, "programming", 40L, "open_qa", 300L, "close_qa", 80L);

    @Test
    void withoutWeightsATargetScalesEveryScenarioInProportion() {
        Map<String, Long> q = CompositionPlanner.quotas(SUPPLY, Map.of(), 260);
        assertEquals(Map.of("math_qa", 50L, "programming", 20L, "open_qa", 150L, "close_qa", 40L), q);
        assertEquals(SUPPLY, CompositionPlanner.quotas(SUPPLY, Map.of(), 0), "no target, no weights: everything");
    }

    /** Paper clusters A = {math, programming}, C = {open QA}; (A+B)/C = 1/2 with no B here: A:C = 1:2. */
    @Test
    void clusterRatiosBecomeScenarioWeightsAndTheSmallestSupplyBindsTheTotal() {
        Map<String, Double> w = CompositionPlanner.clusterWeights(
                Map.of("a", List.of("math_qa", "programming"), "c", List.of("open_qa")), Map.of("a", 1.0, "c", 2.0));
        assertEquals(Map.of("math_qa", 0.5, "programming", 0.5, "open_qa", 2.0), w);
        // programming (40) at weight 0.5 of 3 binds the total at 40 x 3 / 0.5 = 240: 40 + 40 + 160; close_qa has no
        // weight.
        assertEquals(
                Map.of("math_qa", 40L, "programming", 40L, "open_qa", 160L, "close_qa", 0L),
                CompositionPlanner.quotas(SUPPLY, w, 0));
        assertEquals(
                Map.of("math_qa", 20L, "programming", 20L, "open_qa", 80L, "close_qa", 0L),
                CompositionPlanner.quotas(SUPPLY, w, 120));
    }

    @Test
    void roundingIsMadeUpByTheLargestRemaindersDeterministically() {
        Map<String, Long> q = CompositionPlanner.quotas(
                Map.of("x", 10L, "y", 10L, "z", 10L), Map.of("x", 1.0, "y", 1.0, "z", 1.0), 10);
        assertEquals(10L, q.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(Map.of("x", 4L, "y", 3L, "z", 3L), q);
    }

    /** 20 over {single 2, 4, 8, 13, 6; pairs 20, 12}: level 3 gives 3 records to each pair bucket, one too many for pairs. */
    @Test
    void splitKeepsPairsWholeAndSpendsTheWholeQuota() {
        Map<String, Long> buckets =
                Map.of("s1", 2L, "s2", 4L, "s3", 8L, "s4", 13L, "s5", 6L, "p-decisive", 20L, "p-tie", 12L);
        Map<String, Long> kept = CompositionPlanner.split(buckets, java.util.Set.of("p-decisive", "p-tie"), 20);
        assertEquals(20L, kept.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0L, kept.get("p-decisive") % 2);
        assertEquals(0L, kept.get("p-tie") % 2);
        kept.forEach((k, n) -> assertEquals(true, n <= buckets.get(k), k));
    }
}
