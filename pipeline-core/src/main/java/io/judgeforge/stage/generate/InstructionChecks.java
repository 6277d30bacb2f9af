package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validation of the generate stage, short of near duplicates ({@link NearDuplicateRule}): each
 * instruction's own checks (length, refusal, then {@link ReferenceCopyCheck}), then among the
 * instructions none of them removed, exact duplicates: of those whose texts are equal after
 * {@link InstructionValidator#normalized normalisation}, the first in {@link InstructionKey} order is
 * kept, so the choice does not depend on partitioning or input order.
 */
public final class InstructionChecks implements Serializable {
    public static final RejectReason DUPLICATE = RejectReason.DUPLICATE;

    private final InstructionValidator validator;
    private final ReferenceCopyCheck copyCheck;

    /** An instruction to check, with the text of the passage it was written from (null if none). */
    public record Candidate(
            InstructionKey key, String text, String intendedScenario, String referenceId, String passage) {}

    public InstructionChecks(InstructionValidator validator, ReferenceCopyCheck copyCheck) {
        this.validator = validator;
        this.copyCheck = copyCheck;
    }

    /**
     * Instructions with equal keys are exact duplicates; a caller that splits its instructions into
     * groups by this key can check each group alone.
     */
    public static String duplicateKey(String text) {
        return InstructionValidator.normalized(text);
    }

    /** The rejection of each candidate, in their order (empty for those kept). */
    public List<Optional<Rejection>> check(List<Candidate> candidates) {
        List<Optional<Rejection>> rejections = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, Candidate> keptByKey = new HashMap<>();
        for (Candidate c : candidates) {
            Optional<Rejection> own = ownRejection(c);
            rejections.add(own);
            keys.add(duplicateKey(c.text()));
            if (own.isEmpty()) {
                keptByKey.merge(keys.get(keys.size() - 1), c, (a, b) -> a.key().compareTo(b.key()) <= 0 ? a : b);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Candidate kept = keptByKey.get(keys.get(i));
            if (rejections.get(i).isEmpty() && kept != candidates.get(i)) {
                rejections.set(
                        i,
                        Optional.of(new Rejection(
                                DUPLICATE, "duplicate of " + kept.key().id())));
            }
        }
        return rejections;
    }

    private Optional<Rejection> ownRejection(Candidate c) {
        Optional<RejectReason> invalid = validator.reject(c.text());
        if (invalid.isPresent()) {
            return Optional.of(new Rejection(invalid.get(), null));
        }
        return copyCheck.check(c.text(), c.intendedScenario(), c.referenceId(), c.passage());
    }
}
