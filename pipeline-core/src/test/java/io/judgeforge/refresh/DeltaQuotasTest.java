package io.judgeforge.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.config.PipelineConfig.Generate;
import io.judgeforge.config.PipelineConfig.Quiz;
import io.judgeforge.scenario.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaQuotasTest {
    private static final Quiz QUIZ =
            new Quiz(List.of("easy"), List.of("adults"), List.of("math"), List.of("algebra"), List.of("solve"));

    private static ScenarioCatalog catalog() throws Exception {
        return ScenarioCatalog.parse(Files.readString(Path.of("../conf/scenarios.yaml")), "scenarios.yaml");
    }

    private static Generate quotas(int quota, Map<String, Integer> byScenario) {
        return new Generate(5, 2, quota, byScenario, 4, 400, 0.8, 3, 3, QUIZ, Map.of(), "", 0.5, List.of());
    }

    @Test
    void passageScenariosGetTheirQuotaInProportionToTheNewPassagesRoundedUp() throws Exception {
        Map<String, Integer> q = DeltaQuotas.of(catalog(), quotas(12, Map.of("close_qa", 30)), 7, 25);
        assertEquals(4, q.get("open_qa")); // 12 * 7 / 25 = 3.36
        assertEquals(9, q.get("close_qa")); // 30 * 7 / 25 = 8.4
        assertEquals(4, q.get("reading_comprehension")); // a quiz scenario that is written from a passage
    }

    @Test
    void quizScenariosWithoutPassagesHaveNoNewWork() throws Exception {
        Map<String, Integer> q = DeltaQuotas.of(catalog(), quotas(12, Map.of()), 7, 25);
        assertEquals(0, q.get("math_qa"));
        assertEquals(0, q.get("programming"));
        assertEquals(10, q.size());
    }

    @Test
    void noNewPassagesMeansNoGenerationAndAllNewMeansTheWholeQuota() throws Exception {
        assertEquals(0, DeltaQuotas.of(catalog(), quotas(12, Map.of()), 0, 25).get("open_qa"));
        assertEquals(12, DeltaQuotas.of(catalog(), quotas(12, Map.of()), 25, 25).get("open_qa"));
        assertEquals(1, DeltaQuotas.of(catalog(), quotas(12, Map.of()), 1, 1000).get("open_qa"));
    }
}
