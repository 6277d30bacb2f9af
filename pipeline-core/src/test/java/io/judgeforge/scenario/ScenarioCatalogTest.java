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
    assertEquals(List.of("close_qa", "open_qa", "math_qa", "creative_writing", "professional_writing", "rewriting",
        "translation", "reading_comprehension", "role_playing", "programming"),
        c.scenarios().stream().map(Scenario::id).toList());
    assertEquals(81, c.scenarios().stream().mapToInt(s -> s.criteria().size()).sum());
    assertEquals(List.of(1, 2, 3, 4, 5), c.tiers().stream().map(GradingTier::score).toList());
    assertEquals(List.of("math_qa", "reading_comprehension", "programming"),
        c.scenarios().stream().filter(s -> s.method() == GenerationMethod.QUIZ).map(Scenario::id).toList());
  }

  @Test
  void brokenCatalogsNameTheProblem() {
    String base = "grading-tiers: []\nscenarios:";
    String one = "\n  - {id: a, name: A, short: A, method: reference, description: d, criteria: [{name: n, description: d}]}";
    assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base + one + one, "x")).getMessage()
        .contains("Duplicate scenario id 'a'"));
    assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base + one.replace("reference", "magic"), "x"))
        .getMessage().contains("expected reference or quiz"));
    assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base, "x")).getMessage()
        .contains("needs a list 'scenarios'"));
    assertTrue(assertThrows(ConfigException.class, () -> ScenarioCatalog.parse(base + "  []\n", "x")).getMessage()
        .contains("defines no scenarios"));
  }
}
