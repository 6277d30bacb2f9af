package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Server-side RPM and TPM limits as a client sees them, on a clock the test moves by hand. */
class RateLimitHttpTest {
    private static final String CHAT = "/v1/chat/completions";

    @Test
    void rpmLimitAnswers429WithRetryAfterAndHeadersThenRecoversAfterTheWindow() {
        ManualClock clock = new ManualClock();
        SimulatorSettings settings = SimulatorSettings.defaults().withRateLimits(RateLimits.everyModel(3, 0));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, clock)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 3; i++) {
                SimulatorClient.Reply ok = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name river " + i));
                assertEquals(200, ok.status(), ok.body());
                assertEquals("3", ok.header("x-ratelimit-limit-requests"));
                assertEquals(String.valueOf(2 - i), ok.header("x-ratelimit-remaining-requests"));
                assertEquals(
                        "1m0s",
                        ok.header("x-ratelimit-reset-requests"),
                        "the newest call leaves the window a minute on");
                assertNull(ok.header("x-ratelimit-limit-tokens"), "no token limit, no token headers");
                clock.advanceSeconds(10);
            }

            // t = 30 s: the calls of t = 0, 10 and 20 s fill the window.
            SimulatorClient.Reply limited = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name a lake."));
            assertEquals(429, limited.status());
            assertEquals("30", limited.header("Retry-After"), "the call of t = 0 leaves at t = 60 s");
            assertEquals("3", limited.header("x-ratelimit-limit-requests"));
            assertEquals("0", limited.header("x-ratelimit-remaining-requests"));
            assertEquals("50s", limited.header("x-ratelimit-reset-requests"));
            JsonNode error = limited.json().get("error");
            assertEquals("rate_limit_exceeded", error.get("type").asText());
            assertEquals("rate_limit_exceeded", error.get("code").asText());
            assertTrue(
                    error.get("message").asText().contains("requests per min (RPM): Limit 3, Used 3"),
                    error.toString());

            clock.advanceSeconds(29.999);
            assertEquals(
                    429,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name a lake."))
                            .status());
            assertEquals(
                    "1",
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name a lake."))
                            .header("Retry-After"),
                    "a millisecond of wait is still a whole second of Retry-After");
            clock.advanceSeconds(0.001);
            SimulatorClient.Reply recovered = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Name a lake."));
            assertEquals(200, recovered.status());
            assertEquals("0", recovered.header("x-ratelimit-remaining-requests"));

            assertEquals(
                    200,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-13b", "Name a lake."))
                            .status(),
                    "every model has its own window");
            JsonNode stats = client.get("/sim/stats").json();
            assertEquals(3, stats.get("rate_limited").asInt());
            assertEquals(3, stats.at("/by_status/429").asInt());
            assertEquals(5, stats.at("/by_status/200").asInt());
            assertEquals(0, stats.at("/faults/http429").asInt(), "a limit's 429 is not an injected fault");
        }
    }

    @Test
    void tpmLimitCountsEachReplysTotalTokens() {
        String body = SimulatorClient.chatRequest("sim-6b", "Describe a harbour at dawn.")
                .toString();
        long tokens;
        try (SimulatorServer probe = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            tokens = new SimulatorClient(probe)
                    .post(CHAT, body)
                    .json()
                    .at("/usage/total_tokens")
                    .asLong();
        }
        long tpm = 2 * tokens + tokens / 2;
        ManualClock clock = new ManualClock();
        SimulatorSettings settings = SimulatorSettings.defaults().withRateLimits(RateLimits.everyModel(0, (int) tpm));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, clock)) {
            SimulatorClient client = new SimulatorClient(server);
            SimulatorClient.Reply first = client.post(CHAT, body);
            assertEquals(200, first.status());
            assertEquals(String.valueOf(tpm), first.header("x-ratelimit-limit-tokens"));
            assertEquals(String.valueOf(tpm - tokens), first.header("x-ratelimit-remaining-tokens"));
            assertEquals("1m0s", first.header("x-ratelimit-reset-tokens"));
            assertNull(first.header("x-ratelimit-limit-requests"), "no request limit, no request headers");
            clock.advanceSeconds(10);
            assertEquals(200, client.post(CHAT, body).status());
            clock.advanceSeconds(10);

            SimulatorClient.Reply limited = client.post(CHAT, body);
            assertEquals(429, limited.status());
            assertEquals("40", limited.header("Retry-After"), "freeing enough tokens needs the call of t = 0 gone");
            assertEquals(String.valueOf(tpm - 2 * tokens), limited.header("x-ratelimit-remaining-tokens"));
            assertEquals("50s", limited.header("x-ratelimit-reset-tokens"));
            assertTrue(limited.json().at("/error/message").asText().contains("tokens per min (TPM)"));

            clock.advanceSeconds(40);
            assertEquals(200, client.post(CHAT, body).status());
        }
    }

    @Test
    void aRequestLargerThanTheTokenLimitIsRefusedWithoutRetryAfter() {
        SimulatorSettings settings = SimulatorSettings.defaults().withRateLimits(RateLimits.everyModel(0, 5));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, new ManualClock())) {
            SimulatorClient.Reply reply = new SimulatorClient(server)
                    .post(CHAT, SimulatorClient.chatRequest("sim-6b", "Describe a harbour at dawn."));

            assertEquals(429, reply.status());
            assertNull(reply.header("Retry-After"), "waiting cannot help");
            assertEquals("5", reply.header("x-ratelimit-remaining-tokens"));
            assertTrue(reply.json().at("/error/message").asText().startsWith("Request too large for sim-6b"));
        }
    }

    @Test
    void invalidRequestsAndOtherPathsAreNotCounted() {
        SimulatorSettings settings = SimulatorSettings.defaults().withRateLimits(RateLimits.everyModel(1, 0));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, new ManualClock())) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 3; i++) {
                assertEquals(400, client.post(CHAT, "{\"model\":\"sim-6b\"}").status());
                assertEquals(
                        404,
                        client.post(CHAT, SimulatorClient.chatRequest("nope", "hi"))
                                .status());
                SimulatorClient.Reply models = client.get("/v1/models");
                assertEquals(200, models.status());
                assertNull(models.header("x-ratelimit-limit-requests"));
            }

            assertEquals(
                    200,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "hi"))
                            .status());
            assertEquals(
                    429,
                    client.post("/v1/completions", "{\"model\":\"sim-6b\",\"prompt\":\"x\"}")
                            .status(),
                    "both completion endpoints share the model's window");
        }
    }

    @Test
    void perModelLimitsReplaceTheLimitForEveryModel() {
        RateLimits limits = RateLimits.everyModel(1, 0).withModel("sim-gpt-4", new RateLimit(2, 0));
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withRateLimits(limits), 0, new ManualClock())) {
            SimulatorClient client = new SimulatorClient(server);

            assertEquals(
                    "2",
                    client.post(CHAT, SimulatorClient.chatRequest("sim-gpt-4", "a"))
                            .header("x-ratelimit-limit-requests"));
            assertEquals(
                    200,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-gpt-4", "b"))
                            .status());
            assertEquals(
                    429,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-gpt-4", "c"))
                            .status());
            assertEquals(
                    "1",
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "a"))
                            .header("x-ratelimit-limit-requests"));
        }
    }

    @Test
    void defaultsSendNoRateLimitHeaders() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            for (int i = 0; i < 5; i++) {
                SimulatorClient.Reply reply = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "hi"));
                assertEquals(200, reply.status());
                assertNull(reply.header("x-ratelimit-limit-requests"));
                assertNull(reply.header("x-ratelimit-limit-tokens"));
                assertNull(reply.header("Retry-After"));
            }
        }
    }
}
