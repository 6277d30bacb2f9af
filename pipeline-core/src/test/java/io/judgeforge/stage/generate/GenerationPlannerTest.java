package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.Generate;
import io.judgeforge.config.PipelineConfig.Quiz;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.ScenarioCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenerationPlannerTest {
    static final Quiz QUIZ = new Quiz(
            List.of("easy", "hard"),
            List.of("kids", "adults", "experts"),
            List.of("math"),
            List.of("t1", "t2"),
            List.of("solve", "explain"));

    static GenerationPlanner planner(int quota, Map<String, Integer> quotas) throws Exception {
        ScenarioCatalog catalog =
                ScenarioCatalog.parse(Files.readString(Path.of("../conf/scenarios.yaml")), "scenarios.yaml");
        List<SeedInstruction> seeds = List.of(
                new SeedInstruction("s1", "close_qa", "Q1?"),
                new SeedInstruction("s2", "close_qa", "Q2?"),
                new SeedInstruction("s3", "close_qa", "Q3?"));
        return new GenerationPlanner(
                catalog,
                new Generate(5, 2, quota, quotas, 4, 400, 0.8, 3, 3, QUIZ, Map.of(), "", 0.5, List.of()),
                seeds,
                11L);
    }

    @Test
    void plansEnoughCallsForEachQuota() throws Exception {
        List<GenerationTask> plan =
                planner(12, Map.of("math_qa", 3, "open_qa", 0)).plan(20);
        Map<String, Integer> planned = plan.stream()
                .collect(Collectors.groupingBy(GenerationTask::scenario, Collectors.summingInt(GenerationTask::count)));
        assertEquals(12, planned.get("close_qa"));
        assertEquals(3, planned.get("math_qa"));
        assertNull(planned.get("open_qa"));
        assertEquals(
                List.of(5, 5, 2),
                plan.stream()
                        .filter(t -> t.scenario().equals("close_qa"))
                        .map(GenerationTask::count)
                        .toList());
        assertEquals(
                plan.size(), plan.stream().map(GenerationTask::id).distinct().count());
    }

    @Test
    void aTopUpPlansOnlyTheShortfallWithNewIds() throws Exception {
        GenerationPlanner p = planner(12, Map.of());
        List<GenerationTask> topUp =
                p.plan(20, Map.of("close_qa", 9L, "math_qa", 12L), Map.of("close_qa", 3, "math_qa", 3));
        List<GenerationTask> closeQa =
                topUp.stream().filter(t -> t.scenario().equals("close_qa")).toList();
        assertEquals(1, closeQa.size());
        assertEquals(3, closeQa.get(0).count(), "12 asked, 9 kept: 3 more");
        assertEquals("gen-close_qa-0003", closeQa.get(0).id(), "numbering continues after the 3 calls made");
        assertTrue(topUp.stream().noneMatch(t -> t.scenario().equals("math_qa")), "a met quota asks for nothing");
        assertTrue(
                p.plan(20).stream().noneMatch(t -> t.id().equals("gen-close_qa-0003")),
                "the first round never used that id");
    }

    @Test
    void isDeterministicForTheSeed() throws Exception {
        assertEquals(planner(12, Map.of()).plan(20), planner(12, Map.of()).plan(20));
    }

    @Test
    void referencesAndSeedsAreAssignedWhereTheMethodNeedsThem() throws Exception {
        for (GenerationTask t : planner(12, Map.of()).plan(20)) {
            boolean needsReference =
                    t.method() == GenerationMethod.REFERENCE || t.scenario().equals("reading_comprehension");
            assertEquals(needsReference, t.referenceIndex() != null, t.id());
            if (t.referenceIndex() != null) {
                assertTrue(t.referenceIndex() >= 0 && t.referenceIndex() < 20);
            }
            assertEquals(t.method() == GenerationMethod.QUIZ, t.difficulty() != null, t.id());
            assertEquals(
                    t.scenario().equals("close_qa") ? 2 : 0, t.seedExampleIds().size(), t.id());
        }
    }

    @Test
    void quizSpecsUseEveryAttributeValueEquallyOften() throws Exception {
        // 12 calls of one quiz scenario: each value of a 2-, 3- or 2-value list appears 12/n times.
        List<GenerationTask> math = planner(60, Map.of()).plan(20).stream()
                .filter(t -> t.scenario().equals("math_qa"))
                .toList();
        assertEquals(12, math.size());
        assertEquals(
                Map.of("easy", 6L, "hard", 6L),
                counts(math.stream().map(GenerationTask::difficulty).toList()));
        assertEquals(
                Map.of("kids", 4L, "adults", 4L, "experts", 4L),
                counts(math.stream().map(GenerationTask::audience).toList()));
        assertEquals(
                Map.of("solve", 6L, "explain", 6L),
                counts(math.stream().map(GenerationTask::task).toList()));
        long distinctPairs =
                math.stream().map(t -> t.topic() + "/" + t.task()).distinct().count();
        assertEquals(4, distinctPairs, "equal-sized lists do not stay paired the same way");
    }

    @Test
    void aScenarioWithItsOwnQuizListsDrawsOnlyFromThem() throws Exception {
        ScenarioCatalog catalog =
                ScenarioCatalog.parse(Files.readString(Path.of("../conf/scenarios.yaml")), "scenarios.yaml");
        Quiz programming = new Quiz(
                List.of("hard"), List.of("engineers"), List.of("SQL"), List.of("joins"), List.of("write a query"));
        GenerationPlanner own = new GenerationPlanner(
                catalog,
                new Generate(
                        5,
                        2,
                        10,
                        Map.of(),
                        4,
                        400,
                        0.8,
                        3,
                        3,
                        QUIZ,
                        Map.of("programming", programming),
                        "",
                        0.5,
                        List.of()),
                List.of(),
                11L);
        List<GenerationTask> tasks = own.plan(20);
        tasks.stream().filter(t -> t.scenario().equals("programming")).forEach(t -> {
            assertEquals("write a query", t.task());
            assertEquals("engineers", t.audience());
        });
        assertEquals(
                Map.of("solve", 1L, "explain", 1L),
                counts(tasks.stream()
                        .filter(t -> t.scenario().equals("math_qa"))
                        .map(GenerationTask::task)
                        .toList()),
                "math_qa keeps the shared lists");
    }

    private static Map<String, Long> counts(List<String> values) {
        Map<String, Long> m = new HashMap<>();
        values.forEach(v -> m.merge(v, 1L, Long::sum));
        return m;
    }
}
