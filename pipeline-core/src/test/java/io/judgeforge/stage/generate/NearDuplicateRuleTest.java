package io.judgeforge.stage.generate;

import static io.judgeforge.stage.generate.InstructionOrigin.CARRIED;
import static io.judgeforge.stage.generate.InstructionOrigin.IMPORTED;
import static io.judgeforge.stage.generate.InstructionOrigin.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.generate.NearDuplicateRule.Similar;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearDuplicateRuleTest {
    static InstructionKey key(InstructionOrigin origin, String id) {
        return new InstructionKey(origin, id);
    }

    @Test
    void theFirstOfASimilarGroupIsKept() {
        assertEquals(
                Optional.empty(),
                NearDuplicateRule.check(
                        key(NEW, "a1"), List.of(new Similar(key(NEW, "a2"), 0.1), new Similar(key(NEW, "a3"), 0.2))));
    }

    @Test
    void aLaterOneIsANearDuplicateOfTheFirstItIsSimilarTo() {
        Optional<Rejection> rejection = NearDuplicateRule.check(
                key(NEW, "gen-x-0000-5"),
                List.of(
                        new Similar(key(NEW, "gen-x-0000-9"), 0.01),
                        new Similar(key(IMPORTED, "imp-q"), 0.3),
                        new Similar(key(CARRIED, "gen-x-0000-7"), 0.14)));
        assertEquals(
                Optional.of(
                        new Rejection(RejectReason.NEAR_DUPLICATE, "near-duplicate of gen-x-0000-7 (Jaccard 0.86)")),
                rejection);
    }

    /** The similarity reported is the closest earlier one's; a later one, however close, does not count. */
    @Test
    void theJaccardIsThatOfTheClosestEarlierInstruction() {
        Optional<Rejection> rejection = NearDuplicateRule.check(
                key(NEW, "c"),
                List.of(
                        new Similar(key(NEW, "a"), 0.45),
                        new Similar(key(NEW, "b"), 0.2),
                        new Similar(key(NEW, "d"), 0.0)));
        assertEquals(
                "near-duplicate of a (Jaccard 0.80)", rejection.orElseThrow().detail());
    }

    @Test
    void anInstructionSimilarToNoneIsKept() {
        assertEquals(Optional.empty(), NearDuplicateRule.check(key(CARRIED, "z"), List.of()));
    }
}
