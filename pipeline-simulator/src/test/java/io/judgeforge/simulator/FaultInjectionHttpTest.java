package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Injected faults as a client sees them over HTTP. */
class FaultInjectionHttpTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final int REQUESTS = 400;
    private static final double RATE = 0.2;

    @ParameterizedTest
    @EnumSource(FaultKind.class)
    void eachFaultAppearsAtItsRateAndNoOtherDoes(FaultKind kind) {
        // slowMs 1 so 80 slow requests cost nothing; the slow fault's delay has its own test below.
        Faults faults = Faults.NONE.with(kind, RATE).withSlowMs(1);
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withFaults(faults), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            Map<FaultKind, Integer> seen = new EnumMap<>(FaultKind.class);
            for (int i = 0; i < REQUESTS; i++) {
                FaultKind fault =
                        classify(client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name thing number " + i)));
                if (fault != null) {
                    seen.merge(fault, 1, Integer::sum);
                }
            }

            JsonNode stats = client.get("/sim/stats").json();
            int counted = stats.at("/faults/" + kind.key()).asInt();
            // Mean 80, standard deviation 8: five deviations either side is generous and still rules out 0 or 2x.
            assertTrue(counted >= 40 && counted <= 120, kind + " counted " + counted + " times in " + REQUESTS);
            for (FaultKind other : FaultKind.values()) {
                if (other != kind) {
                    assertEquals(0, stats.at("/faults/" + other.key()).asInt(), other.key());
                    assertEquals(0, seen.getOrDefault(other, 0), other.key());
                }
            }
            if (kind != FaultKind.SLOW) {
                assertEquals(counted, seen.getOrDefault(kind, 0), "what the client saw is what the stats counted");
            }
            assertEquals(REQUESTS, stats.at("/by_path/~1v1~1chat~1completions").asInt());
            assertEquals(0, stats.get("rate_limited").asInt());
        }
    }

    @Test
    void zeroRatesAndDefaultsInjectNothing() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 100; i++) {
                assertEquals(
                        null,
                        classify(client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name thing number " + i))));
            }
            JsonNode stats = client.get("/sim/stats").json();
            for (FaultKind kind : FaultKind.values()) {
                assertEquals(0, stats.at("/faults/" + kind.key()).asInt(), kind.key());
            }
            assertEquals(0, stats.get("rate_limited").asInt());
            assertEquals(100, stats.at("/by_status/200").asInt());
        }
    }

    @Test
    void aFaultedRequestRetriedWithTheSameBodyCanSucceed() {
        Faults faults = Faults.NONE.with(FaultKind.HTTP_500, 0.5);
        String body = SimulatorClient.chatRequest("sim-6b", "Name a river.").toString();
        List<Integer> statuses = new ArrayList<>();
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withFaults(faults), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int attempt = 0; attempt < 20; attempt++) {
                statuses.add(client.post(CHAT, body).status());
            }
        }

        int firstFailure = statuses.indexOf(500);
        assertTrue(firstFailure >= 0, "no 500 in " + statuses);
        assertTrue(
                statuses.subList(firstFailure, statuses.size()).contains(200), "no success after a 500 in " + statuses);
        assertEquals(
                statuses, statusesOnAFreshServer(faults, body, 20), "a rerun draws the same faults in the same order");
    }

    @Test
    void injectedErrorsHaveOpenAiBodiesAndRandom429sSayRetryAfterOne() {
        assertInjectedError(FaultKind.HTTP_500, 500, "server_error", "internal_error");
        assertInjectedError(FaultKind.HTTP_503, 503, "server_error", "service_unavailable");
        SimulatorClient.Reply tooMany =
                assertInjectedError(FaultKind.HTTP_429, 429, "rate_limit_exceeded", "rate_limit_exceeded");
        assertEquals("1", tooMany.header("Retry-After"));
    }

    @Test
    void malformedRepliesAre200WithABodyCutInTheMiddle() {
        try (SimulatorServer server = start(Faults.NONE.with(FaultKind.MALFORMED_JSON, 1))) {
            SimulatorClient.Reply reply =
                    new SimulatorClient(server).post(CHAT, SimulatorClient.chatRequest("sim-6b", "hi"));

            assertEquals(200, reply.status());
            assertTrue(reply.contentType().startsWith("application/json"));
            assertTrue(reply.body().startsWith("{\"id\":\"chatcmpl-"), reply.body());
            assertThrows(IOException.class, () -> SimulatorJson.mapper().readTree(reply.body()));
        }
    }

    @Test
    void truncatedRepliesAreValidCompletionsCutShortWithFinishReasonLength() {
        String body = SimulatorClient.chatRequest("sim-gpt-4", "Explain why the sky is blue in a few sentences.")
                .toString();
        JsonNode full;
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            full = new SimulatorClient(server).post(CHAT, body).json();
        }
        try (SimulatorServer server = start(Faults.NONE.with(FaultKind.TRUNCATED, 1))) {
            JsonNode cut = new SimulatorClient(server).post(CHAT, body).json();

            String fullContent = full.at("/choices/0/message/content").asText();
            String cutContent = cut.at("/choices/0/message/content").asText();
            assertTrue(fullContent.startsWith(cutContent) && cutContent.length() < fullContent.length(), cutContent);
            assertEquals("stop", full.at("/choices/0/finish_reason").asText());
            assertEquals("length", cut.at("/choices/0/finish_reason").asText());
            assertEquals(
                    Tokenizer.count(cutContent),
                    cut.at("/usage/completion_tokens").asInt());
            assertEquals(full.at("/usage/prompt_tokens"), cut.at("/usage/prompt_tokens"));
            assertEquals(
                    cut.at("/usage/prompt_tokens").asInt()
                            + cut.at("/usage/completion_tokens").asInt(),
                    cut.at("/usage/total_tokens").asInt());
            assertEquals(full.get("id"), cut.get("id"));
        }
    }

    @Test
    void aSlowRequestOutlastsAClientTimeout() {
        Faults faults = Faults.NONE.with(FaultKind.SLOW, 1).withSlowMs(1_000);
        try (SimulatorServer server = start(faults)) {
            SimulatorClient impatient = new SimulatorClient(server, Duration.ofMillis(150));
            long start = System.nanoTime();
            UncheckedIOException timeout = assertThrows(
                    UncheckedIOException.class,
                    () -> impatient.post(CHAT, SimulatorClient.chatRequest("sim-6b", "hi")));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMs < 900, "the client gave up after " + elapsedMs + " ms");
            assertTrue(
                    timeout.getCause() instanceof java.io.InterruptedIOException,
                    timeout.getCause().toString());
            assertEquals(
                    1,
                    new SimulatorClient(server)
                            .get("/sim/stats")
                            .json()
                            .at("/faults/slow")
                            .asInt());
        }
    }

    @Test
    void faultsSpareEverythingButModelCalls() {
        try (SimulatorServer server = start(new Faults(1, 0, 0, 0, 0, 0, 0))) {
            SimulatorClient client = new SimulatorClient(server);

            assertEquals(200, client.get("/v1/models").status());
            assertEquals(404, client.get("/v1/unknown").status());
            assertEquals(405, client.send("DELETE", CHAT).status());
            assertEquals(200, client.get(CHAT).status(), "reading stored completions is not a model call");
            assertEquals(
                    500,
                    client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\"}")
                            .status());
            assertEquals(500, client.post(CHAT, "not even json").status(), "a server error comes before validation");
        }
    }

    @Test
    void statsCountEveryFaultUnderItsStatusToo() {
        Faults faults = Faults.NONE
                .with(FaultKind.HTTP_500, 0.2)
                .with(FaultKind.HTTP_503, 0.2)
                .with(FaultKind.HTTP_429, 0.2);
        try (SimulatorServer server = start(faults)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 100; i++) {
                client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name thing number " + i));
            }
            JsonNode stats = client.get("/sim/stats").json();

            assertEquals(
                    stats.at("/faults/http500").asInt(),
                    stats.at("/by_status/500").asInt());
            assertEquals(
                    stats.at("/faults/http503").asInt(),
                    stats.at("/by_status/503").asInt());
            assertEquals(
                    stats.at("/faults/http429").asInt(),
                    stats.at("/by_status/429").asInt());
            int faulted = stats.at("/faults/http500").asInt()
                    + stats.at("/faults/http503").asInt()
                    + stats.at("/faults/http429").asInt();
            assertTrue(faulted > 20, "faulted " + faulted);
            assertEquals(100 - faulted, stats.at("/by_status/200").asInt());
            assertEquals(100, stats.get("total").asInt());
        }
    }

    @Test
    void withFaultsOffRepliesAreByteIdenticalToTheDefaults() {
        SimulatorSettings busy = SimulatorSettings.defaults()
                .withLatency(Latency.uniform(0, 2))
                .withRateLimits(RateLimits.everyModel(10_000, 10_000_000));
        try (SimulatorServer plain = SimulatorServer.start(SimulatorSettings.defaults(), 0);
                SimulatorServer limited = SimulatorServer.start(busy, 0)) {
            SimulatorClient plainClient = new SimulatorClient(plain);
            SimulatorClient limitedClient = new SimulatorClient(limited);
            for (int i = 0; i < 10; i++) {
                String body = SimulatorClient.chatRequest("sim-34b", "Name thing number " + i)
                        .toString();
                SimulatorClient.Reply a = plainClient.post(CHAT, body);
                SimulatorClient.Reply b = limitedClient.post(CHAT, body);
                assertEquals(200, b.status());
                assertEquals(a.body(), b.body());
                assertNotEquals(null, b.header("x-ratelimit-remaining-requests"));
            }
        }
    }

    private static List<Integer> statusesOnAFreshServer(Faults faults, String body, int attempts) {
        List<Integer> statuses = new ArrayList<>();
        try (SimulatorServer server = start(faults)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int attempt = 0; attempt < attempts; attempt++) {
                statuses.add(client.post(CHAT, body).status());
            }
        }
        return statuses;
    }

    private static SimulatorClient.Reply assertInjectedError(FaultKind kind, int status, String type, String code) {
        try (SimulatorServer server = start(Faults.NONE.with(kind, 1))) {
            SimulatorClient.Reply reply =
                    new SimulatorClient(server).post(CHAT, SimulatorClient.chatRequest("sim-6b", "hi"));

            assertEquals(status, reply.status());
            JsonNode error = reply.json().get("error");
            assertEquals(type, error.get("type").asText());
            assertEquals(code, error.get("code").asText());
            assertTrue(error.get("message").asText().contains("simulated fault"));
            assertTrue(error.has("param") && error.get("param").isNull());
            return reply;
        }
    }

    private static SimulatorServer start(Faults faults) {
        return SimulatorServer.start(SimulatorSettings.defaults().withFaults(faults), 0);
    }

    /** The fault a reply shows, or null for a normal one. A slow reply looks normal once it arrives. */
    private static FaultKind classify(SimulatorClient.Reply reply) {
        switch (reply.status()) {
            case 500:
                return FaultKind.HTTP_500;
            case 503:
                return FaultKind.HTTP_503;
            case 403:
                return FaultKind.HTTP_403;
            case 502:
                return FaultKind.HTTP_502;
            case 429:
                return "insufficient_quota"
                                .equals(reply.json().at("/error/code").asText())
                        ? FaultKind.INSUFFICIENT_QUOTA
                        : FaultKind.HTTP_429;
            case 200:
                break;
            default:
                throw new AssertionError("unexpected " + reply.status() + ": " + reply.body());
        }
        if (reply.contentType().startsWith("text/html")) {
            return FaultKind.HTML_BODY;
        }
        JsonNode json;
        try {
            json = SimulatorJson.mapper().readTree(reply.body());
        } catch (IOException e) {
            return FaultKind.MALFORMED_JSON;
        }
        if (!json.has("choices")) {
            return FaultKind.NO_CHOICES;
        }
        return "length".equals(json.at("/choices/0/finish_reason").asText()) ? FaultKind.TRUNCATED : null;
    }
}
