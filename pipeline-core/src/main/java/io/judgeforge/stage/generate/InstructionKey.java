package io.judgeforge.stage.generate;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An instruction's place in the keep order of the duplicate checks, exact and near: the earliest
 * origin first, then the lowest id in {@link CodePointOrder}.
 */
public record InstructionKey(InstructionOrigin origin, String id) implements Comparable<InstructionKey>, Serializable {
    private static final Comparator<InstructionKey> KEEP_ORDER =
            Comparator.comparing(InstructionKey::origin).thenComparing(InstructionKey::id, CodePointOrder.INSTANCE);

    @Override
    public int compareTo(InstructionKey other) {
        return KEEP_ORDER.compare(this, other);
    }
}
