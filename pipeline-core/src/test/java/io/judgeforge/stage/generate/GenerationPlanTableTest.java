package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationPlanTableTest {
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("close_qa", "Close QA", "cqa", GenerationMethod.REFERENCE, true, "", List.of()),
            new Scenario("math_qa", "Math QA", "math", GenerationMethod.QUIZ, true, "", List.of()),
            new Scenario("open_qa", "Open QA", "oqa", GenerationMethod.REFERENCE, false, "", List.of()));
    static final Map<String, Integer> QUOTAS = Map.of("close_qa", 12, "math_qa", 12, "open_qa", 3);
    static final String NL = System.lineSeparator();

    static GenerationTask task(String id, String scenario, int count) {
        return new GenerationTask(
                id,
                scenario,
                GenerationMethod.REFERENCE,
                count,
                0L,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    @Test
    void roundOneListsEveryScenarioWithItsCallsAndWhatTheyWillWrite() {
        List<GenerationTask> plan = List.of(
                task("gen-close_qa-0000", "close_qa", 5),
                task("gen-close_qa-0001", "close_qa", 5),
                task("gen-close_qa-0002", "close_qa", 2),
                task("gen-open_qa-0000", "open_qa", 1));
        String table = GenerationPlanTable.render(1, plan, SCENARIOS, QUOTAS::get, Map.of("open_qa", 2L));
        assertEquals(
                "[generate] plan: 4 teacher calls" + NL
                        + "    scenario                 method      quota     has  to write   calls" + NL
                        + "    close_qa                 reference      12       0        12       3" + NL
                        + "    math_qa                  quiz           12       0         0       0" + NL
                        + "    open_qa                  reference       3       2         1       1",
                table);
    }

    @Test
    void aLaterRoundIsTheShortfallAndAnEmptyPlanSaysSo() {
        String table = GenerationPlanTable.render(
                2, List.of(), SCENARIOS, QUOTAS::get, Map.of("close_qa", 12L, "math_qa", 12L, "open_qa", 3L));
        assertEquals(
                "[generate] round 2, the shortfall after validation: 0 teacher calls" + NL
                        + "    scenario                 method      quota     has  to write   calls" + NL
                        + "    close_qa                 reference      12      12         0       0" + NL
                        + "    math_qa                  quiz           12      12         0       0" + NL
                        + "    open_qa                  reference       3       3         0       0" + "\n"
                        + "    every quota is met; no call to make",
                table);
    }
}
