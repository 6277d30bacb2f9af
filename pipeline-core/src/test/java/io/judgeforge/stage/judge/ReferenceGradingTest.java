package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.stage.judge.ReferenceGrading.Reference;
import io.judgeforge.stage.respond.Response;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceGradingTest {
    static final List<String> POOL = List.of("sim-6b", "sim-13b", "sim-gpt-3.5");
    static final ReferenceGrading BY_DEFAULT = new ReferenceGrading(List.of("close_qa", "math_qa"), "", POOL);

    @Test
    void theReferenceModelIsTheConfiguredOneElseTheLastOfThePool() {
        assertEquals("sim-gpt-3.5", BY_DEFAULT.referenceModel());
        assertEquals("sim-13b", new ReferenceGrading(List.of("close_qa"), "sim-13b", POOL).referenceModel());
    }

    @Test
    void theInstructionsOwnReferenceComesFirst() {
        assertEquals(
                Optional.of(new Reference("1969.", "seed")),
                BY_DEFAULT.referenceFor("close_qa", "sim-6b", "1969.", "July 1969."));
        assertEquals(
                Optional.of(new Reference("1969.", "seed")),
                BY_DEFAULT.referenceFor("close_qa", "sim-gpt-3.5", "1969.", null),
                "even for the reference model's own answer: it is not graded against itself");
    }

    @Test
    void elseTheReferenceModelsAnswerExceptForItsOwn() {
        assertEquals(
                Optional.of(new Reference("July 1969.", "model:sim-gpt-3.5")),
                BY_DEFAULT.referenceFor("math_qa", "sim-13b", null, "July 1969."));
        assertEquals(Optional.empty(), BY_DEFAULT.referenceFor("math_qa", "sim-gpt-3.5", null, "July 1969."));
        assertEquals(
                Optional.empty(),
                BY_DEFAULT.referenceFor("math_qa", "sim-13b", null, null),
                "the reference model gave none");
    }

    @Test
    void scenariosOutsideTheListAreGradedAlone() {
        assertEquals(Optional.empty(), BY_DEFAULT.referenceFor("open_qa", "sim-6b", "1969.", "July 1969."));
        assertEquals(
                Optional.empty(),
                BY_DEFAULT.referenceFor(null, "sim-6b", "1969.", "July 1969."),
                "an unclassified response");
    }

    @Test
    void theTaskCarriesTheReferenceAndItsSource() {
        Response response = new Response("r1", "i1", "close_qa", "When?", "sim-6b", "m6", "In 1969.", 3, 4);
        JudgeTask task = BY_DEFAULT.task(response, null, "July 1969.");
        assertEquals(new JudgeTask(response, "July 1969.", "model:sim-gpt-3.5"), task);
        JudgeTask alone = BY_DEFAULT.task(
                new Response("r2", "i1", "open_qa", "Why?", "sim-6b", "m6", "Because.", 3, 4), "x", "y");
        assertNull(alone.reference());
        assertNull(alone.referenceSource());
    }

    @Test
    void pointwiseGradingNeedsSingleAnswerGradingOrAReferenceScenario() {
        assertTrue(BY_DEFAULT.gradesPointwise(false));
        assertTrue(new ReferenceGrading(List.of(), "", POOL).gradesPointwise(true));
        assertFalse(new ReferenceGrading(List.of(), "", POOL).gradesPointwise(false));
    }
}
