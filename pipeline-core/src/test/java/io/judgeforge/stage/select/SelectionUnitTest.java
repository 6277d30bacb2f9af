package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SelectionUnitTest {
    @Test
    void aPairIsATieOnVerdictCAndDecisiveOtherwise() {
        assertEquals(SelectionUnit.TIE, SelectionUnit.bucket("pairwise", "C"));
        assertEquals(SelectionUnit.DECISIVE, SelectionUnit.bucket("pairwise", "A"));
        assertEquals(SelectionUnit.DECISIVE, SelectionUnit.bucket("pairwise", "B"));
        assertEquals(SelectionUnit.DECISIVE, SelectionUnit.bucket("pairwise", null), "as Spark's when on a null label");
    }

    @Test
    void aPointwiseRecordIsBucketedByItsScore() {
        assertEquals("4", SelectionUnit.bucket("single", "4"));
        assertEquals("C", SelectionUnit.bucket("reference", "C"), "only pairwise verdicts are ties");
        assertTrue(SelectionUnit.paired("pairwise"));
        assertFalse(SelectionUnit.paired("single"));
    }

    @Test
    void bucketKeysOrderByScenarioModeAndBucketAndNeedAllThree() {
        BucketKey tie = new BucketKey("math_qa", "pairwise", "tie");
        BucketKey decisive = new BucketKey("math_qa", "pairwise", "decisive");
        BucketKey score = new BucketKey("math_qa", "single", "1");
        BucketKey other = new BucketKey("close_qa", "single", "5");
        assertEquals(
                List.of(other, decisive, tie, score), List.copyOf(new TreeSet<>(List.of(score, tie, other, decisive))));
        assertTrue(tie.paired());
        assertFalse(score.paired());
        assertThrows(NullPointerException.class, () -> new BucketKey("math_qa", "single", null));
    }
}
