package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.SeedInstruction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each cross-check on the README's config (conf/local.yaml) and catalog (conf/scenarios.yaml), broken one at a time. */
class ConfigValidatorTest {
    static final ScenarioCatalog CATALOG =
            ScenarioCatalog.parse(ConfigLoaderTest.read("../conf/scenarios.yaml"), "scenarios.yaml");
    static final String SCENARIOS = "[close_qa, open_qa, math_qa, creative_writing, professional_writing, rewriting,"
            + " translation, reading_comprehension, role_playing, programming]";

    static PipelineConfig local(String... overrides) {
        return ConfigLoaderTest.bind(ConfigLoaderTest.LOCAL, overrides);
    }

    static String failure(Executable check) {
        return assertThrows(ConfigException.class, check).getMessage();
    }

    static String againstCatalog(String... overrides) {
        PipelineConfig config = local(overrides);
        return failure(() -> ConfigValidator.checkAgainstCatalog(config, CATALOG));
    }

    @Test
    void theReadmeConfigPassesEveryCheck() {
        assertDoesNotThrow(() -> ConfigValidator.checkAgainstCatalog(local(), CATALOG));
        assertDoesNotThrow(() -> ConfigValidator.checkApiKeys(local(), variable -> {
            throw new AssertionError("no endpoint names a key variable, yet " + variable + " was looked up");
        }));
    }

    @Test
    void aKeyVariableMustBeSetAndNotBlank() {
        PipelineConfig config = local("endpoints.sim.api-key-env=JF_KEY");
        String expected = "The environment variable 'JF_KEY' named by 'endpoints.sim.api-key-env' is not set";
        assertEquals(expected, failure(() -> ConfigValidator.checkApiKeys(config, Map.<String, String>of()::get)));
        assertEquals(expected, failure(() -> ConfigValidator.checkApiKeys(config, Map.of("JF_KEY", " ")::get)));
        assertDoesNotThrow(() -> ConfigValidator.checkApiKeys(config, Map.of("JF_KEY", "sk-x")::get));
    }

    @Test
    void quotasNameScenariosOfTheCatalog() {
        assertEquals(
                "Unknown config key 'generate.quotas.poetry' (not a scenario of the catalog: " + SCENARIOS + ")",
                againstCatalog("generate.quotas.poetry=5"));
        assertDoesNotThrow(() -> ConfigValidator.checkAgainstCatalog(local("generate.quotas.math_qa=5"), CATALOG));
    }

    @Test
    void scenarioWeightsAndClustersNameScenariosOfTheCatalog() {
        String expected = "Invalid scenario 'poetry' in select.scenario-weights or select.clusters (the catalog has "
                + SCENARIOS + ")";
        assertEquals(expected, againstCatalog("select.scenario-weights.poetry=1"));
        assertEquals(expected, againstCatalog("select.clusters.a=[math_qa, poetry]"));
    }

    @Test
    void referenceScenariosAreScenariosOfTheCatalog() {
        assertEquals(
                "Invalid value in 'judge.reference-scenarios': 'poetry' is not a scenario of the catalog " + SCENARIOS,
                againstCatalog("judge.reference-scenarios=[close_qa, poetry]"));
    }

    @Test
    void theReferenceModelIsAPoolModelOrEmpty() {
        assertEquals(
                "Invalid value for 'judge.reference-model': 'sim-999' is not a name in respond.pool"
                        + " [sim-6b, sim-13b, sim-34b, sim-72b, sim-gpt-3.5]",
                againstCatalog("judge.reference-model=sim-999"));
        assertDoesNotThrow(() -> ConfigValidator.checkAgainstCatalog(local("judge.reference-model=sim-13b"), CATALOG));
        assertDoesNotThrow(() -> ConfigValidator.checkAgainstCatalog(local("judge.reference-model="), CATALOG));
    }

    @Test
    void overlapExemptionsAreScenariosOfTheCatalog() {
        assertEquals(
                "Invalid value in 'generate.reference-overlap-exempt': 'poetry' is not a scenario of the catalog "
                        + SCENARIOS,
                againstCatalog("generate.reference-overlap-exempt=[poetry]"));
    }

    @Test
    void quizAttributesAreGivenForQuizScenariosOnly() {
        String lists = "{difficulty: [easy], audience: [adults], subject: [law], topic: [contracts], task: [explain]}";
        assertEquals(
                "Unknown config key 'generate.quiz-by-scenario.close_qa' (not a role-playing-quiz scenario of the"
                        + " catalog: [math_qa, reading_comprehension, programming])",
                againstCatalog("generate.quiz-by-scenario.close_qa=" + lists));
        assertDoesNotThrow(() ->
                ConfigValidator.checkAgainstCatalog(local("generate.quiz-by-scenario.programming=" + lists), CATALOG));
    }

    @Test
    void theFirstBrokenRuleIsReported() {
        assertEquals(
                "Unknown config key 'generate.quotas.poetry' (not a scenario of the catalog: " + SCENARIOS + ")",
                againstCatalog("judge.reference-model=sim-999", "generate.quotas.poetry=5"));
    }

    @Test
    void seedsAreReadLineByLineSkippingBlankOnes() {
        String text = "{\"id\": \"s1\", \"scenario\": \"close_qa\", \"text\": \"Why is the sky blue?\"}\n\n"
                + "{\"id\": \"s2\", \"scenario\": \"math_qa\", \"text\": \"What is 2 + 2?\"}\r\n";
        assertEquals(
                List.of(
                        new SeedInstruction("s1", "close_qa", "Why is the sky blue?"),
                        new SeedInstruction("s2", "math_qa", "What is 2 + 2?")),
                ConfigValidator.readSeeds(text, "seeds.jsonl", CATALOG));
    }

    @Test
    void everyBundledSeedIsValid() {
        String text = ConfigLoaderTest.read("../conf/sample-data/seeds.jsonl");
        long lines = text.lines().filter(line -> !line.isBlank()).count();
        assertEquals(
                lines, ConfigValidator.readSeeds(text, "seeds.jsonl", CATALOG).size());
    }

    @Test
    void aBadSeedIsNamedByFileAndLine() {
        String good = "{\"id\": \"s1\", \"scenario\": \"close_qa\", \"text\": \"Why?\"}\n";
        String expected = "Invalid seed instruction at seeds.jsonl:2 (needs id, text and a scenario of the catalog)";
        for (String bad : List.of(
                "{\"scenario\": \"close_qa\", \"text\": \"Why?\"}",
                "{\"id\": \"s2\", \"scenario\": \"close_qa\", \"text\": \" \"}",
                "{\"id\": \"s2\", \"scenario\": \"poetry\", \"text\": \"Why?\"}",
                "{\"id\": \"s2\", \"text\": \"Why?\"}")) {
            assertEquals(expected, failure(() -> ConfigValidator.readSeeds(good + bad, "seeds.jsonl", CATALOG)), bad);
        }
        String unreadable = failure(() -> ConfigValidator.readSeeds(good + "{not json", "seeds.jsonl", CATALOG));
        assertTrue(unreadable.startsWith("Cannot read seed instruction at seeds.jsonl:2: "), unreadable);
    }

    /** Before, a number passed as its text ("42") and an array as an error naming neither the field nor the line's type. */
    @Test
    void aSeedFieldOfTheWrongTypeIsNamedNotCoerced() {
        String good = "{\"id\": \"s1\", \"scenario\": \"close_qa\", \"text\": \"Why?\"}\n";
        assertEquals(
                "Invalid seed instruction at seeds.jsonl:2 (field 'text' is a number, expected a string)",
                failure(() -> ConfigValidator.readSeeds(
                        good + "{\"id\": \"s2\", \"scenario\": \"close_qa\", \"text\": 42}", "seeds.jsonl", CATALOG)));
        assertEquals(
                "Invalid seed instruction at seeds.jsonl:2 (field 'text' is an array, expected a string)",
                failure(() -> ConfigValidator.readSeeds(
                        good + "{\"id\": \"s2\", \"scenario\": \"close_qa\", \"text\": [\"Why?\"]}",
                        "seeds.jsonl",
                        CATALOG)));
        assertEquals(
                "Invalid seed instruction at seeds.jsonl:1 (field 'id' is a number, expected a string)",
                failure(() -> ConfigValidator.readSeeds(
                        "{\"id\": 7, \"scenario\": \"close_qa\", \"text\": \"Why?\"}", "seeds.jsonl", CATALOG)));
    }
}
