package io.judgeforge.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {
    static ScenarioCatalog shipped() throws Exception {
        return ScenarioCatalog.parse(Files.readString(Path.of("../conf/scenarios.yaml")), "scenarios.yaml");
    }

    @Test
    void shippedCatalogHasThePapersTenScenariosInOrder() throws Exception {
        ScenarioCatalog c = shipped();
        assertEquals(
                List.of(
                        "close_qa",
                        "open_qa",
                        "math_qa",
                        "creative_writing",
                        "professional_writing",
                        "rewriting",
                        "translation",
                        "reading_comprehension",
                        "role_playing",
                        "programming"),
                c.scenarios().stream().map(Scenario::id).toList());
        assertEquals(
                81, c.scenarios().stream().mapToInt(s -> s.criteria().size()).sum());
        assertEquals(
                List.of(1, 2, 3, 4, 5),
                c.tiers().stream().map(GradingTier::score).toList());
        assertEquals(
                List.of("math_qa", "reading_comprehension", "programming"),
                c.scenarios().stream()
                        .filter(s -> s.method() == GenerationMethod.QUIZ)
                        .map(Scenario::id)
                        .toList());
    }

    @Test
    void brokenCatalogsNameTheProblem() {
        String base = "grading-tiers: []\nscenarios:";
        String one =
                "\n  - {id: a, name: A, short: A, method: reference, description: d, criteria: [{name: n, description: d}]}";
        assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base + one + one, "x"))
                .getMessage()
                .contains("Duplicate scenario id 'a'"));
        assertTrue(assertThrows(
                        ConfigException.class,
                        () -> ScenarioCatalog.parse(base + one.replace("reference", "magic"), "x"))
                .getMessage()
                .contains("expected reference or quiz"));
        assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base, "x"))
                .getMessage()
                .contains("needs a list 'scenarios'"));
        assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base + "  []\n", "x"))
                .getMessage()
                .contains("defines no scenarios"));
    }

    static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(yaml, "conf/scenarios.yaml"))
                .getMessage();
    }

    @Test
    void anUnknownOrMissingKeyIsNamedWithTheFile() {
        String tiers = "grading-tiers:\n  - {score: 1, description: Poor.}\nscenarios:\n";
        String scenario =
                "  - {id: a, name: A, short: A, method: quiz, description: d, criteria: [{name: n, description: d}]}\n";
        assertEquals(
                GenerationMethod.QUIZ,
                ScenarioCatalog.parse(tiers + scenario, "x").get("a").method());
        // A misspelt key was ignored before: close_ended read as false.
        assertEquals(
                "conf/scenarios.yaml: unknown key 'close_ended' in scenarios[1] (allowed: [close-ended, criteria,"
                        + " description, id, method, name, short])",
                error(tiers
                        + scenario
                        + scenario.replace("id: a", "id: b").replace("method", "close_ended: true, method")));
        assertEquals(
                "conf/scenarios.yaml: unknown key 'example' in scenarios[0].criteria[0] (allowed: [description, name])",
                error(tiers + scenario.replace("description: d}", "description: d, example: e}")));
        assertEquals(
                "conf/scenarios.yaml: unknown key 'tiers' in the top level (allowed: [grading-tiers, scenarios])",
                error("tiers: []\n"));
        assertEquals(
                "The scenario catalog conf/scenarios.yaml needs a text 'name' in scenarios[0]",
                error(tiers + scenario.replace("name: A, ", "")));
        assertEquals(
                "The scenario catalog conf/scenarios.yaml needs a text 'description' in scenarios[0].criteria[0]",
                error(tiers + scenario.replace("description: d}", "description: ' '}")));
        assertEquals(
                "The scenario catalog conf/scenarios.yaml scenario a needs a list 'criteria'",
                error(tiers + scenario.replace(", criteria: [{name: n, description: d}]", "")));
        // Before, a tier without a score was tier 0.
        assertEquals(
                "The scenario catalog conf/scenarios.yaml needs a number 'score' in grading-tiers[0]",
                error(tiers.replace("score: 1, ", "") + scenario));
        assertEquals(
                "conf/scenarios.yaml, line 4: scenarios[0].close-ended must be true or false",
                error(tiers + scenario.replace("method", "close-ended: 'yes please', method")));
        assertEquals("The scenario catalog conf/scenarios.yaml is not a YAML mapping", error("- just a list\n"));
    }
}
