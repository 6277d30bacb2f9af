package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.stage.respond.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairPlannerTest {
    static List<Response> answers(String instruction) {
        List<Response> out = new ArrayList<>();
        for (String m : List.of("m1", "m2", "m3", "m4", "m5")) {
            out.add(new Response(instruction + "~" + m, instruction, "close_qa", "Q?", m, m, "A " + m, 1, 1));
        }
        return out;
    }

    @Test
    void choosesTheSamePairsWhateverTheInputOrder() {
        List<Response> shuffled = new ArrayList<>(answers("i1"));
        Collections.reverse(shuffled);
        assertEquals(PairPlanner.pairs(answers("i1"), 2, 7), PairPlanner.pairs(shuffled, 2, 7));
        assertEquals(2, PairPlanner.pairs(answers("i1"), 2, 7).size());
        assertEquals(10, PairPlanner.pairs(answers("i1"), 99, 7).size(), "at most every pair of five answers");
    }

    /** Over many instructions the first-listed model is Response A about half the time. */
    @Test
    void positionDoesNotFollowTheModelOrder() {
        int firstIsA = 0;
        int pairs = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (PairTask p : PairPlanner.pairs(answers("i" + i), 1, 7)) {
                pairs++;
                ids.add(p.id());
                if (p.first().model().compareTo(p.second().model()) < 0) {
                    firstIsA++;
                }
            }
        }
        assertEquals(200, pairs);
        assertEquals(200, ids.size());
        assertTrue(firstIsA > 70 && firstIsA < 130, firstIsA + " of 200");
    }
}
