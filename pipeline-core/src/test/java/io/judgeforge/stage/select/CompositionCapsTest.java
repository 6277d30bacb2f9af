package io.judgeforge.stage.select;

import static io.judgeforge.stage.select.Buckets.key;
import static io.judgeforge.stage.select.Buckets.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionCapsTest {
    static PipelineConfig.Select select(
            PipelineConfig.Composition composition, long total, Map<String, Double> weights) {
        return new PipelineConfig.Select(
                PipelineConfig.IfdFilter.Z_SCORE,
                3.0,
                PipelineConfig.SelectOrder.IFD,
                0.4,
                Map.of(),
                total,
                composition,
                weights,
                Map.of(),
                Map.of());
    }

    /**
     * math_qa holds 20 pairwise records and 30 pointwise, open_qa 40 pointwise; at 1:1 and 40 records in all,
     * each keeps 20. math_qa's 20 split evenly over its three buckets (7, 7, 6), the pairwise ones even in records.
     */
    @Test
    void scenarioQuotasAreSplitEvenlyOverBucketsAndPairwiseCapsCountPairs() {
        CompositionCaps caps = new CompositionCaps(Map.of("math_qa", 1.0, "open_qa", 1.0), 40);
        Map<BucketKey, Long> planned = caps.caps(List.of(
                records("math_qa", "pairwise", "decisive", 14),
                records("math_qa", "pairwise", "tie", 6),
                records("math_qa", "single", "4", 30),
                records("open_qa", "single", "4", 40)));
        // Fill at level 7 gives 7, 6, 7 = 20; the odd decisive 7 gives back one record, which goes to score 4.
        assertEquals(
                Map.of(
                        key("math_qa", "pairwise", "decisive"),
                        3L,
                        key("math_qa", "pairwise", "tie"),
                        3L,
                        key("math_qa", "single", "4"),
                        8L,
                        key("open_qa", "single", "4"),
                        20L),
                planned);
    }

    @Test
    void aScenarioWithoutAWeightKeepsNothing() {
        Map<BucketKey, Long> planned = new CompositionCaps(Map.of("open_qa", 1.0), 0)
                .caps(List.of(records("math_qa", "single", "4", 30), records("open_qa", "single", "4", 40)));
        assertEquals(Map.of(key("math_qa", "single", "4"), 0L, key("open_qa", "single", "4"), 40L), planned);
    }

    @Test
    void theStepAppliesWhenSharesOrATotalAreSet() {
        assertFalse(CompositionCaps.applies(select(PipelineConfig.Composition.NONE, 0, Map.of())));
        assertTrue(CompositionCaps.applies(select(PipelineConfig.Composition.NONE, 100, Map.of())));
        assertTrue(CompositionCaps.applies(select(PipelineConfig.Composition.WEIGHTS, 0, Map.of("math_qa", 1.0))));
        assertEquals(
                List.of("balance"),
                CapStep.of(select(PipelineConfig.Composition.NONE, 0, Map.of())).stream()
                        .map(CapStep::name)
                        .toList());
        assertEquals(
                List.of("balance", "composition"),
                CapStep.of(select(PipelineConfig.Composition.NONE, 100, Map.of())).stream()
                        .map(CapStep::name)
                        .toList());
        assertEquals(
                new CompositionCaps(Map.of("math_qa", 1.0), 0),
                CompositionCaps.of(select(PipelineConfig.Composition.WEIGHTS, 0, Map.of("math_qa", 1.0))));
    }

    @Test
    void aCutUnitSaysWhichQuotaItMissed() {
        assertEquals(
                "math_qa quota: single 4 keeps 8 units",
                new CompositionCaps(Map.of(), 0).detail(key("math_qa", "single", "4"), 8));
    }
}
