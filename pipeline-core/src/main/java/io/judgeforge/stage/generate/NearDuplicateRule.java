package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.util.List;
import java.util.Optional;

/**
 * {@code near_duplicate}: which of a set of similar questions (found by the jobs' MinHash search,
 * {@code generate.near-duplicate-jaccard}) is kept. An instruction is removed when it is similar to
 * one before it in {@link InstructionKey} order, and named a near duplicate of the first of those,
 * so the one kept of a similar group is the same however the search visits the pairs.
 */
public final class NearDuplicateRule {
    public static final RejectReason REASON = RejectReason.NEAR_DUPLICATE;

    private NearDuplicateRule() {}

    /** Another instruction at a Jaccard distance of {@code distance} from the one checked. */
    public record Similar(InstructionKey other, double distance) {}

    /** The rejection of {@code item} given the instructions it is similar to, if one of them is kept before it. */
    public static Optional<Rejection> check(InstructionKey item, List<Similar> similar) {
        InstructionKey first = null;
        double closest = Double.POSITIVE_INFINITY;
        for (Similar s : similar) {
            if (s.other().compareTo(item) < 0) {
                first = first == null || s.other().compareTo(first) < 0 ? s.other() : first;
                closest = Math.min(closest, s.distance());
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        // The Jaccard similarity reported is that of the closest earlier instruction, which need not be the one named.
        return Optional.of(new Rejection(
                REASON, "near-duplicate of " + first.id() + " (Jaccard " + TwoDecimals.format(1 - closest) + ")"));
    }
}
