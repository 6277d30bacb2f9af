package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cap on the passages of one reference document ({@code inputs.max-chunks-per-document}): its first ones are
 * kept, the others filtered as {@code too_many_chunks}. A reference-based task is given a passage by its index over
 * all passages, so without a cap one huge document would be the passage of most tasks.
 */
public record PassageCap(int maxPerDocument) implements Serializable {
    public PassageCap {
        if (maxPerDocument < 1) {
            throw new IllegalArgumentException("max chunks per document " + maxPerDocument + " (expected >= 1)");
        }
    }

    /** The rejection of each of the {@code chunks} passages of {@code document}, in their order (empty for those kept). */
    public List<Optional<Rejection>> check(String document, int chunks) {
        List<Optional<Rejection>> rejections = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            rejections.add(
                    i < maxPerDocument
                            ? Optional.empty()
                            : Optional.of(new Rejection(
                                    RejectReason.TOO_MANY_CHUNKS,
                                    "passage " + (i + 1) + " of " + chunks + " of document " + document
                                            + ", over inputs.max-chunks-per-document " + maxPerDocument)));
        }
        return rejections;
    }
}
