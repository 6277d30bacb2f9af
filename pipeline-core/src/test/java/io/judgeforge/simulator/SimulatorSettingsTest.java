package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void defaultsHaveSeed42AndTheModelLadderInOrder() {
    SimulatorSettings settings = SimulatorSettings.defaults();

    assertEquals(42L, settings.seed());
    assertEquals(0, settings.latencyMs());
    assertEquals(16, settings.threads());
    assertEquals(
        List.of("sim-6b", "sim-13b", "sim-34b", "sim-72b", "sim-gpt-3.5", "sim-gpt-4", "sim-scorer"),
        List.copyOf(settings.models().keySet()));
    assertEquals(0.25, settings.models().get("sim-6b"));
    assertEquals(0.95, settings.models().get("sim-gpt-4"));
    assertEquals(0.5, settings.models().get("sim-scorer"));
  }

  @Test
  void modelsAreCopiedAndUnmodifiable() {
    Map<String, Double> models = new HashMap<>(Map.of("m", 0.5));
    SimulatorSettings settings = new SimulatorSettings(1L, models);
    models.put("other", 0.1);

    assertEquals(Map.of("m", 0.5), settings.models());
    assertThrows(UnsupportedOperationException.class, () -> settings.models().put("x", 0.2));
  }

  @Test
  void invalidValuesAreRejectedWithTheFieldNamed() {
    assertMessageContains("models", () -> new SimulatorSettings(1L, Map.of()));
    assertMessageContains("models", () -> new SimulatorSettings(1L, null));
    assertMessageContains("'m'", () -> new SimulatorSettings(1L, Map.of("m", 1.5)));
    assertMessageContains("'m'", () -> new SimulatorSettings(1L, Map.of("m", Double.NaN)));
    Map<String, Double> blankName = new LinkedHashMap<>();
    blankName.put(" ", 0.5);
    assertMessageContains("models", () -> new SimulatorSettings(1L, blankName));
    assertMessageContains("latencyMs", () -> new SimulatorSettings(1L, Map.of("m", 0.5), -1, 4));
    assertMessageContains("threads", () -> new SimulatorSettings(1L, Map.of("m", 0.5), 0, 0));
  }

  @Test
  void withersChangeOneField() {
    SimulatorSettings base = SimulatorSettings.defaults();

    assertEquals(7L, base.withSeed(7L).seed());
    assertEquals(25, base.withLatencyMs(25).latencyMs());
    assertEquals(2, base.withThreads(2).threads());
    assertEquals(base.models(), base.withThreads(2).models());
  }

  private static void assertMessageContains(String expected, Runnable construction) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
    assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
  }
}
