package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CapPlanTest {
    @Test
    void eachBucketIsLookedUpByItsColumnsAndABucketWithoutACapKeepsNothing() {
        CapPlan plan = new CapPlan(new BalanceCaps(0.4, Map.of()), Map.of(new BucketKey("math_qa", "single", "4"), 3L));
        assertEquals(3, plan.cap("math_qa", "single", "4"));
        assertEquals(0, plan.cap("math_qa", "single", "5"));
        assertEquals("single 4 of math_qa capped at 3 units", plan.detail("math_qa", "single", "4"));
    }

    @Test
    void theStepPlansFromWhatTheBucketsHold() {
        CapStep step = new BalanceCaps(0.4, Map.of());
        CapPlan plan = step.plan(java.util.List.of(
                Buckets.units("math_qa", "pairwise", "decisive", 2), Buckets.units("math_qa", "pairwise", "tie", 5)));
        assertEquals(2, plan.cap("math_qa", "pairwise", "tie"));
        assertEquals("pairwise tie of math_qa capped at 2 units", plan.detail("math_qa", "pairwise", "tie"));
    }
}
