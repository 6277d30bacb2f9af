package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.spi.LocalEndpointServerProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The simulator as code that cannot depend on it finds and starts it: the service and its flags. */
class SimulatorProviderTest {

    @Test
    void theServiceLoaderFindsTheSimulatorByName() {
        List<String> names = ServiceLoader.load(LocalEndpointServerProvider.class).stream()
                .map(provider -> provider.get().name())
                .toList();
        assertEquals(List.of("simulator"), names);
    }

    @Test
    void theFlagsConfigureTheServerThatStarts() {
        List<String> flags = List.of(
                "--port",
                "0",
                "--seed",
                "7",
                "--threads",
                "3",
                "--latency-ms",
                "2",
                "--rpm",
                "60",
                "--fault-500",
                "0.25");
        try (LocalEndpointServer server = new SimulatorProvider().start(flags)) {
            SimulatorSettings settings = ((SimulatorServer) server).settings();
            assertEquals(7L, settings.seed());
            assertEquals(3, settings.threads());
            assertEquals(Latency.fixed(2), settings.latency());
            assertEquals(RateLimits.everyModel(60, 0), settings.rateLimits());
            assertEquals(0.25, settings.faults().http500());
            assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/v1"), server.baseUrl());
            assertTrue(server.description().startsWith("models [sim-6b, "), server.description());
            assertEquals(
                    200,
                    new SimulatorClient((SimulatorServer) server)
                            .get("/v1/models")
                            .status());
        }
    }

    @Test
    void noFlagsGiveTheDefaultSettingsOnPort8089() {
        SimulatorCommandLine flags = SimulatorCommandLine.parse(List.of());
        assertEquals(SimulatorSettings.defaults(), flags.settings());
        assertEquals(8089, flags.port());
    }

    @Test
    void anUnusableFlagIsNamedInOneLine() {
        assertEquals("Unknown option: '--frobnicate'", message("--frobnicate"));
        assertEquals("Invalid value for '--fault-500': 2.0 (expected a rate from 0 to 1)", message("--fault-500", "2"));
        assertEquals("Invalid value for '--port': 70000 (expected 0 to 65535)", message("--port", "70000"));
        assertEquals("Invalid value for '--threads': 0 (expected an integer >= 1)", message("--threads", "0"));
        assertEquals("'--latency-dist lognormal' needs '--latency-p99-ms'", message("--latency-dist", "lognormal"));
        assertTrue(message("--seed", "x").contains("'--seed'"), message("--seed", "x"));
        assertEquals("'--help' and '--version' print text; they start no simulator", message("--help"));
    }

    @Test
    void realismTurnsOnTheProfileAndEachSwitchCanStillBeSet() {
        assertEquals(
                Realism.PROFILE,
                SimulatorCommandLine.parse(List.of("--realism")).settings().realism());
        assertEquals(
                Realism.OFF, SimulatorCommandLine.parse(List.of()).settings().realism());
        SimulatorSettings settings = SimulatorCommandLine.parse(List.of(
                        "--realism",
                        "--no-bos",
                        "--refusal-rate",
                        "0",
                        "--error-dialect",
                        "vllm",
                        "--require-key",
                        "k-123",
                        "--context-tokens",
                        "4096",
                        "--retry-header-form",
                        "date",
                        "--reasoning-prefix",
                        "sim-r",
                        "--fault-502",
                        "0.1",
                        "--fault-no-choices",
                        "0.2"))
                .settings();
        Realism realism = settings.realism();
        assertEquals(
                Realism.PROFILE
                        .withBos(false)
                        .withRefusalRate(0)
                        .withErrorDialect(ErrorDialect.VLLM)
                        .withRequiredKey("k-123")
                        .withContextTokens(4096)
                        .withRetryHeaderForm(RetryHeaderForm.DATE)
                        .withReasoningPrefix("sim-r"),
                realism);
        assertTrue(settings.models().containsKey("sim-r3") && settings.models().containsKey("sim-r4-mini"));
        assertEquals(0.1, settings.faults().rate(FaultKind.HTTP_502));
        assertEquals(0.2, settings.faults().rate(FaultKind.NO_CHOICES));
        Realism single = SimulatorCommandLine.parse(List.of("--bos", "--azure", "--fault-triggers"))
                .settings()
                .realism();
        assertEquals(Realism.OFF.withBos(true).withAzure(true).withFaultTriggers(true), single);
    }

    @Test
    void anUnusableRealismFlagIsNamedInOneLine() {
        assertEquals(
                "Invalid value for '--error-dialect': 'grpc' (expected openai or vllm)",
                message("--error-dialect", "grpc"));
        assertEquals(
                "Invalid value for '--refusal-rate': 1.5 (expected a rate from 0 to 1)",
                message("--refusal-rate", "1.5"));
        assertEquals(
                "Invalid value for '--context-tokens': -1 (expected an integer >= 0, 0 for no limit)",
                message("--context-tokens", "-1"));
        assertTrue(
                message("--retry-header-form", "soon").startsWith("Invalid value for '--retry-header-form': 'soon'"));
    }

    @Test
    void theUsageNamesEveryFlagUnderTheCallersCommandName() {
        String usage = new SimulatorProvider().usage("judgeforge sim-server");
        assertTrue(usage.startsWith("Usage: judgeforge sim-server"), usage);
        for (String flag : List.of(
                "--port",
                "--seed",
                "--threads",
                "--latency-ms",
                "--rpm",
                "--tpm",
                "--fault-429",
                "--slow-ms",
                "--realism",
                "--[no-]bos",
                "--[no-]byte-tokens",
                "--error-dialect",
                "--require-key",
                "--retry-header-form",
                "--[no-]azure",
                "--fault-insufficient-quota")) {
            assertTrue(usage.contains(flag), flag);
        }
    }

    private static String message(String... flags) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> new SimulatorProvider().start(List.of(flags)).close())
                .getMessage();
    }
}
