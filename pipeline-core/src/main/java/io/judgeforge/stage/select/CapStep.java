package io.judgeforge.stage.select;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.stage.RejectReason;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A step of select that caps the units each bucket keeps: balance, then composition when it applies.
 * The job hands a step what each bucket holds and keeps each bucket's first units up to its cap; the
 * units it cuts are rejects of the step, with the step's reason.
 */
public sealed interface CapStep extends Serializable permits BalanceCaps, CompositionCaps {
    /** The reason of the units it cuts; its code is the step's name in the stage report. */
    RejectReason reason();

    default String name() {
        return reason().code();
    }

    /** Units kept per bucket, from what every bucket holds (one entry per bucket). */
    Map<BucketKey, Long> caps(List<BucketSupply> supply);

    /** The caps as a lookup for the job. */
    default CapPlan plan(List<BucketSupply> supply) {
        return new CapPlan(this, caps(supply));
    }

    /** The detail of a unit this step cuts from a bucket capped at {@code cap} units. */
    String detail(BucketKey key, long cap);

    /** The steps {@code settings} ask for, in order. */
    static List<CapStep> of(PipelineConfig.Select settings) {
        return CompositionCaps.applies(settings)
                ? List.of(BalanceCaps.of(settings), CompositionCaps.of(settings))
                : List.of(BalanceCaps.of(settings));
    }

    /** What one bucket holds: units, and the records in them (two per pair). */
    record BucketSupply(BucketKey key, long units, long records) implements Serializable {}
}
