package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptCounterTest {
    private static final byte[] BODY = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSameBytesAreNumberedInArrivalOrderAndOtherBytesStartAtZero() {
        AttemptCounter counter = new AttemptCounter(42L, true);

        Attempt first = counter.next("POST", "/v1/chat/completions", BODY);
        Attempt second = counter.next("POST", "/v1/chat/completions", BODY);
        Attempt otherPath = counter.next("POST", "/v1/completions", BODY);

        assertEquals(0, first.number());
        assertEquals(1, second.number());
        assertEquals(first.requestKey(), second.requestKey());
        assertEquals(0, otherPath.number());
        assertNotEquals(first.requestKey(), otherPath.requestKey());
    }

    @Test
    void keysDependOnTheSeedSoAnotherSeedDrawsOtherFaults() {
        Attempt seed1 = new AttemptCounter(1L, true).next("POST", "/p", BODY);
        Attempt seed2 = new AttemptCounter(2L, true).next("POST", "/p", BODY);

        assertNotEquals(seed1.requestKey(), seed2.requestKey());
    }

    @Test
    void retriesAndPurposesDrawFromDifferentStreams() {
        Set<Long> firstDraws = new HashSet<>();
        for (int number = 0; number < 50; number++) {
            for (Attempt.Purpose purpose : Attempt.Purpose.values()) {
                firstDraws.add(new Attempt(7L, number).random(purpose).nextLong());
            }
        }
        assertEquals(100, firstDraws.size());
        assertEquals(
                new Attempt(7L, 3).random(Attempt.Purpose.LATENCY).nextLong(),
                new Attempt(7L, 3).random(Attempt.Purpose.LATENCY).nextLong(),
                "the same attempt always draws the same");
    }

    @Test
    void nothingIsCountedWhenNothingIsDrawnPerAttempt() {
        AttemptCounter counter =
                AttemptCounter.forSettings(SimulatorSettings.defaults().withLatencyMs(5));

        assertSame(Attempt.UNTRACKED, counter.next("POST", "/p", BODY));
        assertSame(Attempt.UNTRACKED, counter.next("POST", "/p", BODY));
    }
}
