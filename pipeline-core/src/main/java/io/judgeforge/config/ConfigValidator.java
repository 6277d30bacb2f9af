package io.judgeforge.config;

import io.judgeforge.json.Json;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.table.StringFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The checks no single record of {@link PipelineConfig} can make when it binds: against the environment the driver
 * runs in, between sections, and between the config and the scenario catalog it names. They run once, on the driver,
 * before Spark starts or any call is made; each failure is a {@link ConfigException} that names the key.
 */
public final class ConfigValidator {
    private ConfigValidator() {}

    /**
     * Every variable an endpoint names in {@code api-key-env} is set: found on an executor, a missing key would only
     * fail every call.
     *
     * @param environment the driver's environment variables ({@code System::getenv}); null for an unset one
     */
    public static void checkApiKeys(PipelineConfig config, Function<String, String> environment) {
        config.endpoints().forEach((name, endpoint) -> {
            String variable = endpoint.apiKeyEnv();
            String value = variable.isEmpty() ? null : environment.apply(variable);
            if (!variable.isEmpty() && (value == null || value.isBlank())) {
                throw new ConfigException("The environment variable '" + variable + "' named by 'endpoints." + name
                        + ".api-key-env' is not set");
            }
        });
    }

    /** Every scenario the config names is one of the catalog's, and {@code judge.reference-model} names a pool model. */
    public static void checkAgainstCatalog(PipelineConfig config, ScenarioCatalog catalog) {
        for (String scenario : config.generate().quotas().keySet()) {
            if (catalog.find(scenario).isEmpty()) {
                throw new ConfigException("Unknown config key 'generate.quotas." + scenario
                        + "' (not a scenario of the catalog: " + ids(catalog.scenarios()) + ")");
            }
        }
        Set<String> composed = new TreeSet<>(config.select().scenarioWeights().keySet());
        config.select().clusters().values().forEach(composed::addAll);
        for (String scenario : composed) {
            if (catalog.find(scenario).isEmpty()) {
                throw new ConfigException(
                        "Invalid scenario '" + scenario + "' in select.scenario-weights or select.clusters"
                                + " (the catalog has " + ids(catalog.scenarios()) + ")");
            }
        }
        checkListed("judge.reference-scenarios", config.judge().referenceScenarios(), catalog);
        String referenceModel = config.judge().referenceModel();
        List<String> pool = config.respond().pool().stream()
                .map(PipelineConfig.AnswerModel::name)
                .toList();
        if (!referenceModel.isEmpty() && !pool.contains(referenceModel)) {
            throw new ConfigException("Invalid value for 'judge.reference-model': '" + referenceModel
                    + "' is not a name in" + " respond.pool " + pool);
        }
        checkListed("generate.reference-overlap-exempt", config.generate().referenceOverlapExempt(), catalog);
        List<Scenario> quizzes = catalog.scenarios().stream()
                .filter(s -> s.method() == GenerationMethod.QUIZ)
                .toList();
        for (String scenario : config.generate().quizByScenario().keySet()) {
            if (quizzes.stream().noneMatch(s -> s.id().equals(scenario))) {
                throw new ConfigException("Unknown config key 'generate.quiz-by-scenario." + scenario
                        + "' (not a role-playing-quiz scenario of the catalog: " + ids(quizzes) + ")");
            }
        }
    }

    private static void checkListed(String key, List<String> scenarios, ScenarioCatalog catalog) {
        for (String scenario : scenarios) {
            if (catalog.find(scenario).isEmpty()) {
                throw new ConfigException("Invalid value in '" + key + "': '" + scenario
                        + "' is not a scenario of the catalog " + ids(catalog.scenarios()));
            }
        }
    }

    private static List<String> ids(List<Scenario> scenarios) {
        return scenarios.stream().map(Scenario::id).toList();
    }

    /**
     * The seed instructions of {@code inputs.seeds}, one JSON object a line (blank lines skipped), each with an id, a
     * text and a scenario of the catalog.
     *
     * @param source the file's name as the config gives it, for the messages
     */
    public static List<SeedInstruction> readSeeds(String text, String source, ScenarioCatalog catalog) {
        List<SeedInstruction> seeds = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            // A seed is config, not data: a field of the wrong type stops the run as any other invalid seed does.
            java.util.Optional<String> wrongType = StringFields.wrongType(lines[i], List.of("id", "scenario", "text"));
            if (wrongType.isPresent()) {
                throw new ConfigException(
                        "Invalid seed instruction at " + source + ":" + (i + 1) + " (" + wrongType.get() + ")");
            }
            SeedInstruction seed;
            try {
                seed = Json.read(lines[i], SeedInstruction.class);
            } catch (RuntimeException e) {
                throw new ConfigException(
                        "Cannot read seed instruction at " + source + ":" + (i + 1) + ": " + e.getMessage());
            }
            if (seed.id() == null
                    || seed.text() == null
                    || seed.text().isBlank()
                    || catalog.find(seed.scenario()).isEmpty()) {
                throw new ConfigException("Invalid seed instruction at " + source + ":" + (i + 1)
                        + " (needs id, text and a scenario of the catalog)");
            }
            seeds.add(seed);
        }
        return seeds;
    }
}
