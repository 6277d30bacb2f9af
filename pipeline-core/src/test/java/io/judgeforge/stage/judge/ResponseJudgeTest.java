package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ResponseJudgeTest {
    static final Response RESPONSE =
            new Response("i1~m", "i1", "translation", "Translate 'bonjour' into English.", "m", "m-6b", "Hello.", 3, 1);
    static final ModelCall TEACHER = new ModelCall("e", "teacher-x", 0, 512);
    final ScriptedEndpoint teacher = new ScriptedEndpoint();
    final JudgePromptRenderer renderer = new JudgePromptRenderer(Fixtures.catalog(), Fixtures.prompts());
    final ResponseJudge judge =
            new ResponseJudge(renderer, new JudgmentParser(1, 5), new JudgeSampling(TEACHER, 1, 0.7, 0), true);

    static String judgment(int score) {
        return "I believe the overall rating of this response is [[" + score + "]], and the reasons are as follows.\n"
                + "Strengths of the current response:\n1. Accuracy: Correct. [[5]]\nShortcomings of the current response:\n"
                + "1. Fluency: Terse. [[3]]";
    }

    @AfterEach
    void stop() {
        teacher.close();
    }

    @Test
    void aWellFormedJudgmentBecomesASingleModeRecord() {
        teacher.chat(judgment(4));
        ItemOutcome<Judgment> r = judge.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals(ItemStatus.OUT, r.status());
        Judgment j = r.records().get(0);
        assertEquals(4, j.score());
        assertEquals("single", j.mode());
        assertEquals(List.of(5, 3), j.pointScores());
        assertEquals("jdg-i1~m", j.id());
        assertEquals(j.output(), j.target());
        assertEquals(List.of(), j.samples());
        assertEquals("teacher-x", j.teacherModel());
        assertEquals(renderer.template(JudgeMode.SINGLE).version(), j.templateVersion());
        assertEquals(64, j.requestHash().length());
        assertTrue(teacher.bodies.get(0).contains("[Response]: Hello."), teacher.bodies.get(0));
    }

    @Test
    void aTaskWithAReferenceIsGradedAgainstIt() {
        teacher.chat(judgment(3));
        Judgment j = judge.judge(new JudgeTask(RESPONSE, "Good morning.", "model:m-72b"), teacher.client())
                .records()
                .get(0);
        assertEquals("reference", j.mode());
        assertEquals("model:m-72b", j.referenceSource());
        assertEquals(renderer.template(JudgeMode.REFERENCE).version(), j.templateVersion());
        assertTrue(teacher.bodies.get(0).contains("[Reference Answer]: Good morning."), teacher.bodies.get(0));
    }

    @Test
    void unparseableOrTruncatedJudgmentsAreQuarantinedNeverScored() {
        teacher.chat("Looks good to me, 4 out of 5.");
        ItemOutcome<Judgment> unparsed = judge.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals(ItemStatus.QUARANTINED, unparsed.status());
        assertEquals("parse_failed", Outcomes.reason(unparsed));
        assertTrue(unparsed.records().isEmpty());
        teacher.chat("I believe the overall rating of this response is [[4]], and", "length");
        ItemOutcome<Judgment> truncated = judge.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals("truncated", Outcomes.reason(truncated));
        assertEquals(1, truncated.usage().calls());
    }

    /** A format that allows decimals meets an integer score: the judgment is quarantined, not rounded. */
    @Test
    void aDecimalScoreIsQuarantinedAndAWholeOneIsKept() {
        ResponseJudge lastFormat = new ResponseJudge(
                renderer, new JudgmentParser(1, 10, "last"), new JudgeSampling(TEACHER, 1, 0, 0), true);
        teacher.chat("Mostly right.\nRating: [[7.5]]");
        ItemOutcome<Judgment> decimal = lastFormat.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals("parse_failed", Outcomes.reason(decimal));
        assertTrue(Outcomes.detail(decimal).contains("7.5 is not a whole number"), Outcomes.detail(decimal));
        teacher.chat("Right.\nRating: [[8]]");
        assertEquals(
                8,
                lastFormat
                        .judge(new JudgeTask(RESPONSE, null, null), teacher.client())
                        .records()
                        .get(0)
                        .score());
    }

    /** Three samples 5, 2, 4: the lower median is 4, and that sample's text is the record; each sample sent its own seed. */
    @Test
    void severalSamplesGiveTheLowerMedianSample() {
        ResponseJudge three =
                new ResponseJudge(renderer, new JudgmentParser(1, 5), new JudgeSampling(TEACHER, 3, 0.7, 0), true);
        teacher.chat(judgment(5)).chat(judgment(2)).chat(judgment(4));
        Judgment j = three.judge(new JudgeTask(RESPONSE, null, null), teacher.client())
                .records()
                .get(0);
        assertEquals(4, j.score());
        assertEquals(judgment(4), j.output());
        assertEquals(List.of("5", "2", "4"), j.samples());
        for (int i = 0; i < 3; i++) {
            assertTrue(teacher.bodies.get(i).contains("\"seed\":" + i), teacher.bodies.get(i));
            assertTrue(teacher.bodies.get(i).contains("\"temperature\":0.7"), teacher.bodies.get(i));
        }
    }

    @Test
    void withSingleGradingOffAResponseWithoutAReferenceIsFilteredWithoutACall() {
        ResponseJudge referenceOnly =
                new ResponseJudge(renderer, new JudgmentParser(1, 5), new JudgeSampling(TEACHER, 1, 0, 0), false);
        ItemOutcome<Judgment> r = referenceOnly.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals(ItemStatus.FILTERED, r.status());
        assertEquals("mode_off", Outcomes.reason(r));
        assertEquals(0, teacher.requests());
    }

    @Test
    void samplesThatSpreadTooFarAreFilteredAsInconsistent() {
        ResponseJudge strict =
                new ResponseJudge(renderer, new JudgmentParser(1, 5), new JudgeSampling(TEACHER, 2, 0.7, 1), true);
        teacher.chat(judgment(5)).chat(judgment(2));
        ItemOutcome<Judgment> r = strict.judge(new JudgeTask(RESPONSE, null, null), teacher.client());
        assertEquals(ItemStatus.FILTERED, r.status());
        assertEquals("inconsistent_samples", Outcomes.reason(r));
        assertEquals(2, r.usage().calls());
        assertNull(r.records().isEmpty() ? null : r.records().get(0));
    }
}
