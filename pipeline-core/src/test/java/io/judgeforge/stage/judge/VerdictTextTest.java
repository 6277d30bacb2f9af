package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VerdictTextTest {
    static final String TEXT = "I believe the better response is [[A]], and the reasons are as follows.\n"
            + "Strengths of Response A:\n1. Accuracy: right, unlike Response B.\nShortcomings of Response B:\n1. Accuracy: wrong.";

    @Test
    void mirroringExchangesEveryMentionOfAAndB() {
        assertEquals(
                "I believe the better response is [[B]], and the reasons are as follows.\n"
                        + "Strengths of Response B:\n1. Accuracy: right, unlike Response A.\nShortcomings of Response A:\n1. Accuracy: wrong.",
                VerdictText.mirrored(TEXT));
        assertEquals(TEXT, VerdictText.mirrored(VerdictText.mirrored(TEXT)));
    }

    @Test
    void aTieReplacesOnlyTheStatedVerdict() {
        assertEquals(TEXT.replace("is [[A]]", "is [[C]]"), VerdictText.withVerdict(TEXT, "C"));
        assertThrows(IllegalArgumentException.class, () -> VerdictText.withVerdict(TEXT, "D"));
    }
}
