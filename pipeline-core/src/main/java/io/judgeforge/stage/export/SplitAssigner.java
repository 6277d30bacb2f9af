package io.judgeforge.stage.export;

import io.judgeforge.hash.Sha256;
import java.io.Serializable;

/**
 * Assigns an instruction, and so every record made from it, to train or validation by a seeded hash
 * of its id: no instruction is in both splits, and the split does not depend on partitioning.
 */
public record SplitAssigner(long seed, double validationFraction) implements Serializable {
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";

    /** The split of {@code key}, the id that every record which must share a split has in common. */
    public String split(String key) {
        return split(key, seed, validationFraction);
    }

    public static String split(String instructionId, long seed, double validationFraction) {
        String hex = Sha256.hex(seed + ":" + instructionId).substring(0, 13);
        double unit = Long.parseLong(hex, 16) / (double) (1L << 52);
        return unit < validationFraction ? VALIDATION : TRAIN;
    }
}
