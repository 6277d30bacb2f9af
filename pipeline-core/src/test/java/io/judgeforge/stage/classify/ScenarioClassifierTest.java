package io.judgeforge.stage.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.MismatchPolicy;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.Fixtures;
import io.judgeforge.testing.Outcomes;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScenarioClassifierTest {
    static final Instruction MATH = new Instruction(
            "i1", "math_qa", "math_qa", null, "quiz", "What is 15% of 80?", "t", null, List.of(), "v", "m", "h", null);
    final ScriptedEndpoint teacher = new ScriptedEndpoint();

    @AfterEach
    void stop() {
        teacher.close();
    }

    ItemOutcome<Instruction> classify(MismatchPolicy policy, String answer) {
        teacher.chat(answer);
        return new ScenarioClassifier(Fixtures.catalog(), Fixtures.prompts(), new ModelCall("e", "m", 0, 16), policy)
                .classify(MATH, teacher.client());
    }

    @Test
    void promptListsEveryScenarioOfTheCatalog() {
        String prompt = new ScenarioClassifier(
                        Fixtures.catalog(), Fixtures.prompts(), new ModelCall("e", "m", 0, 16), MismatchPolicy.KEEP)
                .render("Hi");
        Fixtures.catalog()
                .scenarios()
                .forEach(s -> assertTrue(prompt.contains("- " + s.id() + ": " + s.name()), s.id()));
    }

    @Test
    void anAgreeingLabelKeepsTheScenario() {
        ItemOutcome<Instruction> r = classify(MismatchPolicy.DROP, "Scenario: [[math_qa]]");
        assertEquals(ItemStatus.OUT, r.status());
        assertEquals("math_qa", r.records().get(0).predictedScenario());
    }

    @Test
    void aDisagreeingLabelIsKeptRelabelledOrDroppedByPolicy() {
        Instruction kept = classify(MismatchPolicy.KEEP, "Scenario: [[close_qa]]")
                .records()
                .get(0);
        assertEquals("math_qa", kept.scenario());
        assertEquals("close_qa", kept.predictedScenario());
        Instruction relabelled = classify(MismatchPolicy.RELABEL, "Scenario: [[close_qa]]")
                .records()
                .get(0);
        assertEquals("close_qa", relabelled.scenario());
        assertEquals("math_qa", relabelled.intendedScenario());
        ItemOutcome<Instruction> dropped = classify(MismatchPolicy.DROP, "Scenario: [[close_qa]]");
        assertEquals(ItemStatus.FILTERED, dropped.status());
        assertEquals("scenario_mismatch", Outcomes.reason(dropped));
    }

    @Test
    void anUnknownOrAmbiguousLabelIsAParseFailure() {
        assertEquals("parse_failed", Outcomes.reason(classify(MismatchPolicy.KEEP, "Scenario: [[poetry]]")));
        assertEquals("parse_failed", Outcomes.reason(classify(MismatchPolicy.KEEP, "[[math_qa]] or [[close_qa]]")));
        assertEquals(
                ItemStatus.QUARANTINED,
                classify(MismatchPolicy.KEEP, "It is maths.").status());
        ScenarioClassifier c = new ScenarioClassifier(
                Fixtures.catalog(), Fixtures.prompts(), new ModelCall("e", "m", 0, 16), MismatchPolicy.KEEP);
        assertEquals(Optional.of("math_qa"), c.parse("Scenario: [[ math_qa ]] (math) ... [[math_qa]]"));
    }
}
