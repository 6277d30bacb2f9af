package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * {@code copies_reference}: an instruction whose question shares more than
 * {@code generate.max-reference-overlap} of its word 8-grams with the passage it was written from
 * (see {@link ReferenceOverlap}). Scenarios in {@code generate.reference-overlap-exempt} carry text
 * taken from the reference on purpose (the text to rewrite or translate) and are not checked.
 */
public final class ReferenceCopyCheck implements Serializable {
    public static final RejectReason REASON = RejectReason.COPIES_REFERENCE;

    private final double maxOverlap;
    private final Set<String> exemptScenarios;

    public ReferenceCopyCheck(double maxOverlap, Iterable<String> exemptScenarios) {
        this.maxOverlap = maxOverlap;
        this.exemptScenarios = new java.util.HashSet<>();
        exemptScenarios.forEach(this.exemptScenarios::add);
    }

    /** The rejection of an instruction written for {@code intendedScenario} from passage {@code referenceId}, if it copies. */
    public Optional<Rejection> check(String text, String intendedScenario, String referenceId, String passage) {
        if (referenceId == null || exemptScenarios.contains(intendedScenario)) {
            return Optional.empty();
        }
        double share = ReferenceOverlap.share(QuestionPart.of(text), passage);
        if (share <= maxOverlap) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(
                REASON, "shares " + TwoDecimals.format(share) + " of its 8-word sequences with " + referenceId));
    }
}
