package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    static final String LOCAL = read("../conf/local.yaml");
    static final Map<String, String> SIM = Map.of("simulator.base-url", "http://127.0.0.1:9/v1");

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static PipelineConfig bind(String yaml, String... overrides) {
        return ConfigLoader.bind(ConfigLoader.tree(yaml, List.of(overrides)), SIM);
    }

    @Test
    void localConfigBindsOverTheDefaults() {
        PipelineConfig c = bind(LOCAL);
        assertEquals("local-sample", c.run().name());
        assertEquals(12, c.generate().quota());
        assertEquals(5, c.generate().perCall(), "per-call comes from defaults.yaml");
        assertEquals(5, c.respond().pool().size());
        assertEquals("http://127.0.0.1:9/v1", c.endpoint("sim").baseUrl());
    }

    @Test
    void aBareOffIsTheProgressStyleOffThoughYamlReadsItAsFalse() {
        assertEquals("off", bind(LOCAL, "progress.style=off").progress().style());
        assertEquals(
                "off", bind(LOCAL + "\nprogress:\n  style: off\n").progress().style());
        assertEquals("plain", bind(LOCAL, "progress.style=plain").progress().style());
    }

    @Test
    void endpointDefaultsFillUnsetEndpointKeys() {
        PipelineConfig.Endpoint sim = bind(LOCAL).endpoint("sim");
        assertEquals(120_000, sim.timeoutMs());
        assertEquals(4, sim.maxAttempts());
        assertEquals(8, sim.maxInFlight(), "set in local.yaml");
        assertEquals(
                30_000,
                bind(LOCAL, "endpoint-defaults.timeout-ms=30000")
                        .endpoint("sim")
                        .timeoutMs());
    }

    @Test
    void setOverridesScalarsListsAndMapEntries() {
        PipelineConfig c = bind(
                LOCAL,
                "generate.quota=3",
                "generate.quotas.math_qa=7",
                "select.max-score-share=0.5",
                "generate.quiz.difficulty=[easy]",
                "classify.on-mismatch=relabel",
                "endpoints.other.base-url=https://x.test/v1");
        assertEquals(3, c.generate().quotaFor("close_qa"));
        assertEquals(7, c.generate().quotaFor("math_qa"));
        assertEquals(0.5, c.select().maxScoreShare());
        assertEquals(List.of("easy"), c.generate().quiz().difficulty());
        assertEquals(PipelineConfig.MismatchPolicy.RELABEL, c.classify().onMismatch());
        assertEquals(120_000, c.endpoint("other").timeoutMs(), "a new endpoint gets the endpoint defaults");
    }

    @Test
    void unknownKeysAreNamed() {
        assertEquals(
                "Unknown config key 'generate.bogus' (every key is listed in conf/defaults.yaml)",
                assertThrows(ConfigException.class, () -> bind(LOCAL, "generate.bogus=1"))
                        .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL + "\nsparky:\n  x: 1\n"))
                .getMessage()
                .contains("'sparky'"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL, "endpoints.sim.colour=red"))
                .getMessage()
                .contains("colour"));
    }

    @Test
    void badValuesNameKeyValueAndExpectation() {
        assertEquals(
                "Invalid value for 'generate.quota': 'abc' (expected an integer)",
                assertThrows(ConfigException.class, () -> bind(LOCAL, "generate.quota=abc"))
                        .getMessage());
        assertEquals(
                "Invalid value for 'generate.per-call': 0 (expected 1 to 50)",
                assertThrows(ConfigException.class, () -> bind(LOCAL, "generate.per-call=0"))
                        .getMessage());
        assertEquals(
                "Invalid value for 'classify.on-mismatch': 'maybe' (expected one of [keep, relabel, drop])",
                assertThrows(ConfigException.class, () -> bind(LOCAL, "classify.on-mismatch=maybe"))
                        .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL, "teacher.endpoint=nowhere"))
                .getMessage()
                .startsWith("Invalid value for 'teacher.endpoint': 'nowhere'"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL, "quota"))
                .getMessage()
                .contains("key=value"));
    }

    @Test
    void temperaturesAndDuplicateKeysAreChecked() {
        assertEquals(
                "Invalid value for 'teacher.temperature': 9.0 (expected a number from 0 to 2)",
                assertThrows(ConfigException.class, () -> bind(LOCAL, "teacher.temperature=9"))
                        .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL + "\nrun:\n  seed: 1\n"))
                .getMessage()
                .contains("Duplicate field 'run'"));
    }

    @Test
    void apiKeyEnvMustBeAVariableNameAndIsNeverEchoed() {
        ConfigException e =
                assertThrows(ConfigException.class, () -> bind(LOCAL, "endpoints.sim.api-key-env=sk-live-123"));
        assertTrue(e.getMessage().contains("api-key-env"));
        assertTrue(!e.getMessage().contains("sk-live-123"), e.getMessage());
    }

    @Test
    void unresolvedVariablesNameTheKey() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> ConfigLoader.bind(ConfigLoader.tree(LOCAL, List.of()), Map.of()));
        assertTrue(e.getMessage().contains("endpoints.sim.base-url"), e.getMessage());
    }

    @Test
    void judgeSettingsAreCheckedWhereTheyAreBound() throws Exception {
        assertTrue(
                assertThrows(ConfigException.class, () -> bind(LOCAL, "judge.rating-format=result"))
                        .getMessage()
                        .contains("judge.rating-format"),
                "pairwise verdicts cannot be read as [RESULT] scores");
        assertEquals(
                "result",
                bind(LOCAL, "judge.rating-format=result", "judge.pairwise.pairs-per-instruction=0")
                        .judge()
                        .ratingFormat());
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL, "judge.samples=0"))
                .getMessage()
                .contains("judge.samples"));
        assertTrue(assertThrows(ConfigException.class, () -> bind(LOCAL, "judge.pairwise.order=sideways"))
                .getMessage()
                .contains("order"));
    }
}
