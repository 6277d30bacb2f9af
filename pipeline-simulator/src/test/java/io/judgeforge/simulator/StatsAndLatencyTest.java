package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsAndLatencyTest {

    @Test
    void statsCountEveryHandledRequestExceptStatsCalls() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            JsonNode empty = client.get("/sim/stats").json();
            assertEquals(0, empty.get("total").asInt());

            client.chat("sim-6b", "Name a river.");
            client.chat("sim-6b", "Name a mountain.");
            client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"Hello\",\"max_tokens\":2}");
            client.get("/v1/models");
            client.post("/v1/chat/completions", "not json");
            client.post("/v1/completions", "{\"model\":\"nope\",\"prompt\":\"x\"}");
            client.get("/v1/unknown");
            client.get("/v1/completions");
            client.get("/sim/stats");

            JsonNode stats = client.get("/sim/stats").json();
            assertEquals(8, stats.get("total").asInt());
            assertEquals(3, stats.at("/by_path/~1v1~1chat~1completions").asInt());
            assertEquals(3, stats.at("/by_path/~1v1~1completions").asInt());
            assertEquals(1, stats.at("/by_path/~1v1~1models").asInt());
            assertEquals(1, stats.at("/by_path/~1v1~1unknown").asInt());
            assertFalse(stats.get("by_path").has("/sim/stats"));
            assertEquals(4, stats.at("/by_status/200").asInt());
            assertEquals(1, stats.at("/by_status/400").asInt());
            assertEquals(2, stats.at("/by_status/404").asInt());
            assertEquals(1, stats.at("/by_status/405").asInt());
        }
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        int latencyMs = 150;
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withLatencyMs(latencyMs), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            long start = System.nanoTime();
            client.chat("sim-6b", "Name a river.");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMs >= latencyMs, "took " + elapsedMs + " ms");
        }
    }

    @Test
    void aLatencyDistributionDelaysEveryRequestByAtLeastItsMinimum() {
        Latency latency = Latency.uniform(60, 90);
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withLatency(latency), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                client.chat("sim-6b", "Name a river.");
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;

                assertTrue(elapsedMs >= 60, "took " + elapsedMs + " ms");
            }
        }
    }

    @Test
    void statsListEveryFaultKindAndRateLimitedFromTheStart() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            JsonNode stats = new SimulatorClient(server).get("/sim/stats").json();

            assertEquals(
                    List.of("total", "by_path", "by_status", "faults", "rate_limited"), (iterable(stats.fieldNames())));
            assertEquals(
                    List.of("http429", "http503", "http500", "malformed_json", "truncated", "slow"),
                    (iterable(stats.get("faults").fieldNames())));
            assertEquals(0, stats.get("rate_limited").asInt());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void closedServerRefusesConnections() {
        SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0);
        SimulatorClient client = new SimulatorClient(server);
        assertEquals(200, client.get("/v1/models").status());

        server.close();
        server.close();

        try {
            client.get("/v1/models");
            throw new AssertionError("a closed simulator must not answer");
        } catch (java.io.UncheckedIOException expected) {
            assertTrue(expected.getCause() instanceof java.io.IOException);
        }
    }
}
