package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public APIs' errors over HTTP: both dialects, keys, context length, triggered faults, retry headers. */
class RealismErrorsHttpTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String KEY = "sk-sim-realism-0123456789abcdef";

    @Test
    void vllmErrorsAreFlatObjectsWithANumericCode() {
        try (SimulatorServer server = start(Realism.OFF.withErrorDialect(ErrorDialect.VLLM))) {
            SimulatorClient.Reply reply =
                    new SimulatorClient(server).post(CHAT, SimulatorClient.chatRequest("gpt-9", "Hi."));

            assertEquals(404, reply.status());
            JsonNode json = reply.json();
            assertEquals("error", json.get("object").asText());
            assertEquals("NotFoundError", json.get("type").asText());
            assertEquals(404, json.get("code").asInt());
            assertTrue(json.get("code").isInt(), "vLLM's code is the status as a number");
            assertEquals("model", json.get("param").asText());
            assertTrue(json.get("message").asText().contains("gpt-9"));
            assertFalse(json.has("error"));
        }
    }

    @Test
    void aRequiredKeyIsCheckedAndNeverEchoed() {
        try (SimulatorServer server = start(Realism.OFF.withRequiredKey(KEY))) {
            SimulatorClient client = new SimulatorClient(server);
            SimulatorClient.Reply missing = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Hi."), Map.of());
            SimulatorClient.Reply wrong = client.post(
                    CHAT,
                    SimulatorClient.chatRequest("sim-6b", "Hi."),
                    Map.of("Authorization", "Bearer sk-wrong-key-that-is-long-enough"));
            SimulatorClient.Reply right = client.post(
                    CHAT, SimulatorClient.chatRequest("sim-6b", "Hi."), Map.of("Authorization", "Bearer " + KEY));

            assertEquals(401, missing.status());
            assertTrue(missing.json().at("/error/code").isNull());
            assertTrue(missing.json().at("/error/message").asText().startsWith("You didn't provide an API key."));
            assertEquals(401, wrong.status());
            assertEquals("invalid_api_key", wrong.json().at("/error/code").asText());
            assertEquals("invalid_request_error", wrong.json().at("/error/type").asText());
            assertFalse(wrong.body().contains("sk-wrong-key-that-is-long-enough"), wrong.body());
            assertTrue(wrong.body().contains("sk-") && wrong.body().contains("ough"), "masked: " + wrong.body());
            assertEquals(200, right.status());
            assertEquals(401, client.get("/v1/models").status(), "the model list needs the key too");
            assertEquals(200, client.get("/sim/stats").status(), "the simulator's own endpoints do not");
        }
    }

    @Test
    void vllmRefusesAKeyWithItsBareUnauthorized() {
        try (SimulatorServer server = start(Realism.OFF.withRequiredKey(KEY).withErrorDialect(ErrorDialect.VLLM))) {
            SimulatorClient.Reply reply =
                    new SimulatorClient(server).post(CHAT, SimulatorClient.chatRequest("sim-6b", "Hi."));
            assertEquals(401, reply.status());
            assertEquals("{\"error\":\"Unauthorized\"}", reply.body());
        }
    }

    @Test
    void aPromptPastTheContextIs400InVllmsWordsWithOpenAisCode() {
        try (SimulatorServer server = start(Realism.OFF.withContextTokens(50))) {
            SimulatorClient client = new SimulatorClient(server);
            String prompt = "word ".repeat(40);
            SimulatorClient.Reply chat = client.post(
                    CHAT, SimulatorClient.chatRequest("sim-6b", prompt).put("max_tokens", 20));
            int promptTokens = Tokenizer.count("You are a helpful assistant.") + Tokenizer.count(prompt);

            assertEquals(400, chat.status());
            assertEquals(
                    "context_length_exceeded", chat.json().at("/error/code").asText());
            assertEquals("messages", chat.json().at("/error/param").asText());
            assertEquals(
                    "This model's maximum context length is 50 tokens. However, you requested " + (promptTokens + 20)
                            + " tokens (" + promptTokens
                            + " in the messages, 20 in the completion). Please reduce the length of the"
                            + " messages or completion.",
                    chat.json().at("/error/message").asText());

            SimulatorClient.Reply text =
                    client.post("/v1/completions", RealismTokensHttpTest.request(prompt, 16, true));
            assertEquals(400, text.status());
            assertEquals("prompt", text.json().at("/error/param").asText());
            assertEquals(
                    200,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Hi."))
                            .status(),
                    "a short one fits");
        }
    }

    @Test
    void theContextErrorInVllmsDialect() {
        try (SimulatorServer server = start(Realism.OFF.withContextTokens(10).withErrorDialect(ErrorDialect.VLLM))) {
            SimulatorClient.Reply reply = new SimulatorClient(server)
                    .post("/v1/completions", RealismTokensHttpTest.request("word ".repeat(20), 16, true));
            assertEquals(400, reply.status());
            assertEquals("BadRequestError", reply.json().get("type").asText());
            assertEquals(400, reply.json().get("code").asInt());
            assertTrue(reply.json()
                    .get("message")
                    .asText()
                    .startsWith("This model's maximum context length is 10 tokens."));
        }
    }

    @Test
    void triggerModelsAlwaysGetTheirFault() {
        try (SimulatorServer server = start(Realism.OFF.withFaultTriggers(true))) {
            SimulatorClient client = new SimulatorClient(server);

            SimulatorClient.Reply forbidden = trigger(client, FaultKind.HTTP_403);
            assertEquals(403, forbidden.status());
            assertEquals(
                    "unsupported_country_region_territory",
                    forbidden.json().at("/error/code").asText());

            SimulatorClient.Reply quota = trigger(client, FaultKind.INSUFFICIENT_QUOTA);
            assertEquals(429, quota.status());
            assertEquals("insufficient_quota", quota.json().at("/error/type").asText());
            assertEquals("insufficient_quota", quota.json().at("/error/code").asText());
            for (String header : new String[] {"Retry-After", "retry-after-ms", "x-should-retry"}) {
                assertNull(quota.header(header), header + ": no wait cures an empty account");
            }

            SimulatorClient.Reply gateway = trigger(client, FaultKind.HTTP_502);
            assertEquals(502, gateway.status());
            assertTrue(gateway.contentType().startsWith("text/html")
                    && gateway.body().contains("502 Bad Gateway"));

            SimulatorClient.Reply page = trigger(client, FaultKind.HTML_BODY);
            assertEquals(200, page.status());
            assertTrue(page.contentType().startsWith("text/html") && page.body().startsWith("<!DOCTYPE html>"));

            SimulatorClient.Reply empty = trigger(client, FaultKind.NO_CHOICES);
            assertEquals(200, empty.status());
            assertFalse(empty.json().has("choices"));
            assertEquals("chat.completion", empty.json().get("object").asText());

            assertEquals(500, trigger(client, FaultKind.HTTP_500).status());
            assertEquals(503, trigger(client, FaultKind.HTTP_503).status());
            assertEquals(403, trigger(client, FaultKind.HTTP_403).status(), "every time, not at a rate");

            JsonNode faults = client.get("/sim/stats").json().get("faults");
            assertEquals(2, faults.get("http403").asInt());
            assertEquals(1, faults.get("no_choices").asInt());
            assertEquals(1, faults.get("html_body").asInt());
        }
    }

    @Test
    void withoutTriggersATriggerModelIsJustAnUnknownModel() {
        try (SimulatorServer server = start(Realism.OFF)) {
            assertEquals(
                    404,
                    trigger(new SimulatorClient(server), FaultKind.HTTP_403).status());
        }
    }

    @Test
    void cyclingRetryHeadersGoThroughEveryForm() {
        ManualClock clock = new ManualClock();
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withRealism(Realism.OFF.withFaultTriggers(true).withRetryHeaderForm(RetryHeaderForm.CYCLE));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, clock)) {
            SimulatorClient client = new SimulatorClient(server);
            SimulatorClient.Reply seconds = trigger(client, FaultKind.HTTP_429);
            SimulatorClient.Reply millis = trigger(client, FaultKind.HTTP_429);
            SimulatorClient.Reply date = trigger(client, FaultKind.HTTP_429);
            SimulatorClient.Reply retry = trigger(client, FaultKind.HTTP_503);
            SimulatorClient.Reply noRetry = trigger(client, FaultKind.HTTP_429);

            assertEquals("1", seconds.header("Retry-After"));
            assertNull(seconds.header("retry-after-ms"));
            assertEquals("1000", millis.header("retry-after-ms"));
            assertNull(millis.header("Retry-After"));
            Instant when = ZonedDateTime.parse(date.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            assertEquals(clock.instant().plusSeconds(1), when, "an HTTP date one second on, by the server's clock");
            assertTrue(date.header("Retry-After").endsWith(" GMT"));
            assertEquals(503, retry.status());
            assertEquals("true", retry.header("x-should-retry"));
            assertEquals("false", noRetry.header("x-should-retry"));
            for (SimulatorClient.Reply reply : new SimulatorClient.Reply[] {seconds, millis, date, noRetry}) {
                assertEquals("0", reply.header("x-ratelimit-remaining-requests"));
                assertEquals("1s", reply.header("x-ratelimit-reset-requests"));
                assertEquals("0", reply.header("x-ratelimit-remaining-tokens"));
                assertEquals("6m0s", reply.header("x-ratelimit-reset-tokens"));
            }
        }
    }

    @Test
    void aRateLimitWaitInMillisecondsIsTheLimitersOwn() {
        ManualClock clock = new ManualClock();
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withRateLimits(RateLimits.everyModel(1, 0))
                .withRealism(Realism.OFF.withRetryHeaderForm(RetryHeaderForm.MILLIS));
        try (SimulatorServer server = SimulatorServer.start(settings, 0, clock)) {
            SimulatorClient client = new SimulatorClient(server);
            assertEquals(
                    200,
                    client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "One."))
                            .status());
            clock.advanceSeconds(20);
            SimulatorClient.Reply limited = client.post(CHAT, SimulatorClient.chatRequest("sim-6b", "Two."));

            assertEquals(429, limited.status());
            assertEquals("40000", limited.header("retry-after-ms"));
            assertNull(limited.header("Retry-After"));
            assertEquals("40s", limited.header("x-ratelimit-reset-requests"));
        }
    }

    @Test
    void theDefaultFormLeaves503sWithoutARetryHeader() {
        try (SimulatorServer server = start(Realism.OFF.withFaultTriggers(true))) {
            SimulatorClient.Reply reply = trigger(new SimulatorClient(server), FaultKind.HTTP_503);
            assertNull(reply.header("Retry-After"));
            assertNull(reply.header("x-should-retry"));
        }
    }

    private static SimulatorClient.Reply trigger(SimulatorClient client, FaultKind kind) {
        return client.post(CHAT, SimulatorClient.chatRequest(kind.triggerModel(), "Hi."));
    }

    private static SimulatorServer start(Realism realism) {
        return SimulatorServer.start(SimulatorSettings.defaults().withRealism(realism), 0);
    }
}
