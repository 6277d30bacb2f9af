package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void noneInjectsNothing() {
        assertFalse(Faults.NONE.injectsAnything());
        assertEquals(Faults.NONE, SimulatorSettings.defaults().faults());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Faults.FaultDraw.NONE, Faults.NONE.draw(random));
        }
    }

    @Test
    void withChangesOneRate() {
        Faults faults = Faults.NONE
                .with(FaultKind.HTTP_503, 0.25)
                .with(FaultKind.SLOW, 0.5)
                .withSlowMs(300);

        assertEquals(0.25, faults.http503());
        assertEquals(0.5, faults.slowRate());
        assertEquals(300, faults.slowMs());
        assertEquals(0.0, faults.rate(FaultKind.HTTP_500));
        assertTrue(faults.injectsAnything());
        assertEquals("http503 0.250, slow 0.500 (+300 ms)", faults.describe());
    }

    @Test
    void ratesOutsideZeroToOneAreRejectedWithTheFieldNamed() {
        assertMessageContains("faults.http500", () -> Faults.NONE.with(FaultKind.HTTP_500, 1.5));
        assertMessageContains("faults.truncated", () -> Faults.NONE.with(FaultKind.TRUNCATED, -0.1));
        assertMessageContains("faults.malformedJson", () -> Faults.NONE.with(FaultKind.MALFORMED_JSON, Double.NaN));
        assertMessageContains("faults.slowMs", () -> Faults.NONE.withSlowMs(-1));
    }

    @Test
    void oneKindsDecisionsDoNotDependOnAnotherKindsRate() {
        Faults only500 = Faults.NONE.with(FaultKind.HTTP_500, 0.3);
        Faults withSlow = only500.with(FaultKind.SLOW, 0.7).with(FaultKind.TRUNCATED, 0.2);
        for (long seed = 0; seed < 500; seed++) {
            boolean alone = only500.draw(new SplittableRandom(seed)).reply() == FaultKind.HTTP_500;
            boolean beside = withSlow.draw(new SplittableRandom(seed)).reply() == FaultKind.HTTP_500;
            assertEquals(alone, beside, "seed " + seed);
        }
    }

    @Test
    void theEarlierKindWinsWhenSeveralReplyFaultsAreDrawnAndSlowCombinesWithAny() {
        Faults all = new Faults(1, 1, 1, 1, 1, 1, 10);
        Faults.FaultDraw draw = all.draw(new SplittableRandom(1));

        assertEquals(FaultKind.HTTP_429, draw.reply());
        assertTrue(draw.slow());
        Faults.FaultDraw slowOnly = Faults.NONE.with(FaultKind.SLOW, 1).draw(new SplittableRandom(1));
        assertNull(slowOnly.reply());
        assertTrue(slowOnly.slow());
    }

    private static void assertMessageContains(String expected, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }
}
