package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitAssignerTest {
    @Test
    void splitIsAFunctionOfInstructionAndSeed() {
        assertEquals(SplitAssigner.split("i-1", 5, 0.3), SplitAssigner.split("i-1", 5, 0.3));
        assertEquals(SplitAssigner.TRAIN, SplitAssigner.split("i-1", 5, 0.0));
    }

    @Test
    void validationShareIsNearTheFraction() {
        int validation = 0;
        for (int i = 0; i < 10_000; i++) {
            if (SplitAssigner.split("instr-" + i, 42, 0.1).equals(SplitAssigner.VALIDATION)) {
                validation++;
            }
        }
        assertTrue(validation > 900 && validation < 1100, "validation " + validation);
    }

    @Test
    void anAssignerSplitsAsTheSeedAndFractionItHolds() {
        SplitAssigner splits = new SplitAssigner(42, 0.3);
        for (int i = 0; i < 100; i++) {
            assertEquals(SplitAssigner.split("instr-" + i, 42, 0.3), splits.split("instr-" + i));
        }
    }
}
