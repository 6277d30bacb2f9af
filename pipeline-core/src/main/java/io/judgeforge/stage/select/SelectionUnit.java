package io.judgeforge.stage.select;

import io.judgeforge.stage.judge.JudgeMode;

/**
 * What selection keeps or cuts as one: a pointwise record alone, or both orders of a pair, so that a
 * pair never loses one of its orders. A unit is balanced within its bucket: a pair is decisive (A or
 * B) or a tie (C), so ties can be held to the number of decisive pairs; a pointwise record's bucket
 * is its score.
 */
public final class SelectionUnit {
    public static final String TIE = "tie";
    public static final String DECISIVE = "decisive";
    private static final String TIE_LABEL = "C";

    private SelectionUnit() {}

    /** The bucket of a record of judge {@code mode} with verdict or score {@code label}. */
    public static String bucket(String mode, String label) {
        if (paired(mode)) {
            return TIE_LABEL.equals(label) ? TIE : DECISIVE;
        }
        return label;
    }

    /** Whether records of this judge mode come in pairs (the two orders of one comparison). */
    public static boolean paired(String mode) {
        return JudgeMode.PAIRWISE.code().equals(mode);
    }
}
