package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.InconsistentPairs;
import io.judgeforge.config.PipelineConfig.PairOrder;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.Fixtures;
import io.judgeforge.testing.Outcomes;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PairwiseJudgeTest {
    static final Response WEAK =
            new Response("i1~weak", "i1", "close_qa", "Who wrote Hamlet?", "weak", "w", "Marlowe.", 3, 1);
    static final Response STRONG = new Response(
            "i1~strong", "i1", "close_qa", "Who wrote Hamlet?", "strong", "s", "William Shakespeare.", 3, 2);
    static final PairTask PAIR = new PairTask("i1~weak~vs~strong", WEAK, STRONG);
    static final JudgeSampling ONE = new JudgeSampling(new ModelCall("e", "teacher-x", 0, 512), 1, 0.7, 0);
    final ScriptedEndpoint teacher = new ScriptedEndpoint();
    final JudgePromptRenderer renderer = new JudgePromptRenderer(Fixtures.catalog(), Fixtures.prompts());

    static String verdict(String token) {
        return "I believe the better response is [[" + token + "]], and the reasons are as follows.\n"
                + "Strengths of Response A:\n1. Accuracy: names an author.\nShortcomings of Response A:\n1. Accuracy: see Response B.\n"
                + "Strengths of Response B:\n1. Accuracy: correct.\nShortcomings of Response B:\n1. Detail: terse.";
    }

    PairwiseJudge judge(PairOrder order, InconsistentPairs inconsistent) {
        return new PairwiseJudge(renderer, new VerdictParser(), ONE, order, inconsistent);
    }

    @AfterEach
    void stop() {
        teacher.close();
    }

    /** Strong is B in the original order and A in the swapped one: verdicts B then A agree, and both records are kept. */
    @Test
    void consistentVerdictsInBothOrdersGiveTwoRecords() {
        teacher.chat(verdict("B")).chat(verdict("A"));
        ItemOutcome<Judgment> r = judge(PairOrder.SWAP, InconsistentPairs.TIE).judge(PAIR, teacher.client());
        assertEquals(ItemStatus.OUT, r.status());
        Judgment original = r.records().get(0);
        Judgment swapped = r.records().get(1);
        assertEquals(
                List.of("original", "B", "i1~weak", "i1~strong"),
                List.of(original.order(), original.verdict(), original.responseId(), original.responseIdB()));
        assertEquals(
                List.of("swapped", "A", "i1~strong", "i1~weak"),
                List.of(swapped.order(), swapped.verdict(), swapped.responseId(), swapped.responseIdB()));
        assertEquals(original.pairId(), swapped.pairId());
        assertEquals("pairwise", original.mode());
        assertTrue(teacher.bodies.get(1).contains("[Response A]: William Shakespeare."), teacher.bodies.get(1));
        assertEquals(2, r.usage().calls());
    }

    @Test
    void inconsistentOrdersBecomeTiesWithTheVerdictRewrittenInTheTargetOnly() {
        teacher.chat(verdict("A")).chat(verdict("A"));
        ItemOutcome<Judgment> r = judge(PairOrder.SWAP, InconsistentPairs.TIE).judge(PAIR, teacher.client());
        for (Judgment j : r.records()) {
            assertEquals("C", j.verdict());
            assertTrue(j.target().startsWith("I believe the better response is [[C]]"), j.target());
            assertTrue(
                    j.output().startsWith("I believe the better response is [[A]]"), "the teacher's own text is kept");
        }
    }

    @Test
    void inconsistentOrdersAreDroppedWhenConfigured() {
        teacher.chat(verdict("A")).chat(verdict("A"));
        ItemOutcome<Judgment> r = judge(PairOrder.SWAP, InconsistentPairs.DROP).judge(PAIR, teacher.client());
        assertEquals(ItemStatus.FILTERED, r.status());
        assertEquals("order_inconsistent", Outcomes.reason(r));
        assertTrue(Outcomes.detail(r).contains("original order A, swapped order A"), Outcomes.detail(r));
    }

    @Test
    void mirrorMakesTheSwappedRecordWithoutASecondCall() {
        teacher.chat(verdict("B"));
        ItemOutcome<Judgment> r = judge(PairOrder.MIRROR, InconsistentPairs.TIE).judge(PAIR, teacher.client());
        assertEquals(1, teacher.requests());
        Judgment swapped = r.records().get(1);
        assertEquals("A", swapped.verdict());
        assertTrue(swapped.target().startsWith("I believe the better response is [[A]]"), swapped.target());
        assertTrue(
                swapped.target().contains("Strengths of Response B:\n1. Accuracy: names an author."), swapped.target());
        assertTrue(swapped.prompt().contains("[Response A]: William Shakespeare."));
        assertEquals(verdict("B"), swapped.output(), "output keeps what the teacher wrote");
    }

    @Test
    void samplesWithoutAMajorityVerdictAreFiltered() {
        PairwiseJudge two = new PairwiseJudge(
                renderer,
                new VerdictParser(),
                new JudgeSampling(ONE.teacher(), 2, 0.7, 0),
                PairOrder.SWAP,
                InconsistentPairs.TIE);
        teacher.chat(verdict("A")).chat(verdict("B"));
        ItemOutcome<Judgment> r = two.judge(PAIR, teacher.client());
        assertEquals("inconsistent_samples", Outcomes.reason(r));
        assertEquals(2, r.usage().calls());
    }
}
