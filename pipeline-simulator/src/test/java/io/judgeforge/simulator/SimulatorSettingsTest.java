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
        assertThrows(
                UnsupportedOperationException.class, () -> settings.models().put("x", 0.2));
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

    @Test
    void defaultsServeWithoutDelayLimitsOrFaults() {
        SimulatorSettings settings = SimulatorSettings.defaults();

        assertEquals(Latency.NONE, settings.latency());
        assertEquals(RateLimits.NONE, settings.rateLimits());
        assertEquals(Faults.NONE, settings.faults());
        assertEquals("seed 42, 16 threads, latency none, rate limits none, faults none", settings.describe());
    }

    @Test
    void theFourArgumentConstructorMeansAFixedLatency() {
        SimulatorSettings settings = new SimulatorSettings(7L, Map.of("m", 0.5), 30, 2);

        assertEquals(Latency.fixed(30), settings.latency());
        assertEquals(30, settings.latencyMs());
        assertEquals(RateLimits.NONE, settings.rateLimits());
        assertEquals(Faults.NONE, settings.faults());
        assertEquals(
                new SimulatorSettings(7L, Map.of("m", 0.5), Latency.fixed(30), 2, RateLimits.NONE, Faults.NONE),
                settings);
    }

    @Test
    void newSettingsHaveWithersAndAreDescribed() {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withLatency(Latency.lognormal(100, 300))
                .withRateLimits(RateLimits.everyModel(60, 0).withModel("sim-gpt-4", new RateLimit(10, 5000)))
                .withFaults(Faults.NONE.with(FaultKind.HTTP_500, 0.1));

        assertEquals(100, settings.latencyMs(), "latencyMs is the mean of a distribution");
        assertEquals(new RateLimit(10, 5000), settings.rateLimits().forModel("sim-gpt-4"));
        assertEquals(new RateLimit(60, 0), settings.rateLimits().forModel("sim-6b"));
        assertEquals(0.1, settings.faults().http500());
        String described = settings.describe();
        assertTrue(described.contains("latency lognormal (mean 100 ms, p99 300 ms"), described);
        assertTrue(
                described.contains("rate limits 60 rpm, unlimited tpm per model (sim-gpt-4: 10 rpm, 5000 tpm)"),
                described);
        assertTrue(described.contains("faults http500 0.100"), described);
    }

    @Test
    void limitsRejectNegativeValuesAndNullsAreRejected() {
        assertMessageContains("rpm", () -> new RateLimit(-1, 0));
        assertMessageContains("tpm", () -> new RateLimit(0, -5));
        assertMessageContains(
                "latency", () -> new SimulatorSettings(1L, Map.of("m", 0.5), null, 1, RateLimits.NONE, Faults.NONE));
        assertMessageContains("rateLimits", () -> SimulatorSettings.defaults().withRateLimits(null));
        assertMessageContains("faults", () -> SimulatorSettings.defaults().withFaults(null));
    }

    private static void assertMessageContains(String expected, Runnable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(expected), () -> "message was: " + error.getMessage());
    }
}
