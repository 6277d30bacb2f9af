package io.judgeforge.stage.generate;

import io.judgeforge.config.PipelineConfig.Generate;
import io.judgeforge.config.PipelineConfig.Quiz;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.RecordIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Plans the generation calls of a run before any call is made: per scenario, enough calls of
 * {@code generate.per-call} instructions to meet its quota. The plan is deterministic for the run
 * seed, so a rerun plans the same tasks with the same ids.
 *
 * <p>Quiz specs are a balanced design: each attribute's values are cycled in a seeded order, so
 * every value of every attribute is used equally often (within one) instead of by independent draws.
 */
public final class GenerationPlanner {
    private final ScenarioCatalog catalog;
    private final Generate settings;
    private final Map<String, List<SeedInstruction>> seedsByScenario;
    private final long seed;

    public GenerationPlanner(ScenarioCatalog catalog, Generate settings, List<SeedInstruction> seeds, long seed) {
        this.catalog = catalog;
        this.settings = settings;
        this.seedsByScenario = seeds.stream().collect(Collectors.groupingBy(SeedInstruction::scenario));
        this.seed = seed;
    }

    /** The tasks; reference-based and reading-comprehension tasks get a reference index below {@code referenceCount}. */
    public List<GenerationTask> plan(long referenceCount) {
        return plan(referenceCount, Map.of(), Map.of());
    }

    /**
     * The calls that make up each scenario's shortfall: its quota less the instructions it already
     * {@code has}. Numbering continues after the {@code callsMade} so far, so a top-up call gets its
     * own id, reference, seed examples and quiz spec, and so a different request.
     */
    public List<GenerationTask> plan(long referenceCount, Map<String, Long> has, Map<String, Integer> callsMade) {
        List<GenerationTask> tasks = new ArrayList<>();
        for (Scenario scenario : catalog.scenarios()) {
            int quota = (int) Math.max(0, settings.quotaFor(scenario.id()) - has.getOrDefault(scenario.id(), 0L));
            int first = callsMade.getOrDefault(scenario.id(), 0);
            int calls = (quota + settings.perCall() - 1) / settings.perCall();
            boolean needsReference = needsReference(scenario);
            if (calls > 0 && needsReference && referenceCount == 0) {
                throw new IllegalArgumentException(
                        "Scenario '" + scenario.id() + "' needs reference passages but inputs.references has none");
            }
            SplittableRandom random = new SplittableRandom(seed ^ scenario.id().hashCode());
            long referenceOffset = referenceCount == 0 ? 0 : random.nextLong(referenceCount);
            QuizDesign design = new QuizDesign(settings.quizFor(scenario.id()), random);
            for (int i = 0; i < calls; i++) {
                int call = first + i;
                int count = Math.min(settings.perCall(), quota - i * settings.perCall());
                String id = RecordIds.generationTask(scenario.id(), call);
                Long referenceIndex = needsReference ? (referenceOffset + call) % referenceCount : null;
                List<String> seedIds = sampleSeeds(scenario.id(), new SplittableRandom(seed ^ id.hashCode()));
                if (scenario.method() == GenerationMethod.QUIZ) {
                    String[] spec = design.spec(call);
                    tasks.add(new GenerationTask(
                            id,
                            scenario.id(),
                            scenario.method(),
                            count,
                            referenceIndex,
                            null,
                            null,
                            spec[0],
                            spec[1],
                            spec[2],
                            spec[3],
                            spec[4],
                            seedIds));
                } else {
                    tasks.add(new GenerationTask(
                            id,
                            scenario.id(),
                            scenario.method(),
                            count,
                            referenceIndex,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            seedIds));
                }
            }
        }
        return tasks;
    }

    /** True when the scenario's calls are written from a reference passage (reading comprehension quizzes on one). */
    public static boolean needsReference(Scenario scenario) {
        return scenario.method() == GenerationMethod.REFERENCE || "reading_comprehension".equals(scenario.id());
    }

    private List<String> sampleSeeds(String scenario, SplittableRandom random) {
        List<String> ids = new ArrayList<>(seedsByScenario.getOrDefault(scenario, List.of()).stream()
                .map(SeedInstruction::id)
                .sorted()
                .toList());
        Collections.shuffle(ids, new java.util.Random(random.nextLong()));
        return List.copyOf(ids.subList(0, Math.min(settings.seedExamples(), ids.size())));
    }

    /** Cycles each quiz attribute through a seeded permutation of its values. */
    private static final class QuizDesign {
        private final List<List<String>> attributes = new ArrayList<>();

        QuizDesign(Quiz quiz, SplittableRandom random) {
            for (List<String> values :
                    List.of(quiz.difficulty(), quiz.audience(), quiz.subject(), quiz.topic(), quiz.task())) {
                List<String> order = new ArrayList<>(values);
                Collections.shuffle(order, new java.util.Random(random.nextLong()));
                attributes.add(order);
            }
        }

        String[] spec(int index) {
            String[] spec = new String[attributes.size()];
            for (int a = 0; a < attributes.size(); a++) {
                List<String> values = attributes.get(a);
                int n = values.size();
                // Each block of n consecutive calls uses every value once (balanced marginals); the offset
                // shifts by a per block, so attributes of equal size do not stay paired the same way.
                spec[a] = values.get((index + (index / n) * a) % n);
            }
            return spec;
        }
    }
}
