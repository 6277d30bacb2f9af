package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire for each endpoint setting, and what it makes of the replies, over loopback HTTP. */
class EndpointWireSettingsTest {
    static final String OK =
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":100,\"total_tokens\":1100,"
                    + "\"prompt_tokens_details\":{\"cached_tokens\":768},\"completion_tokens_details\":{\"reasoning_tokens\":64}}}";

    ScriptedEndpoint server;

    @BeforeEach
    void start() {
        server = new ScriptedEndpoint();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Endpoint endpoint() {
        return new Endpoint(server.baseUrl(), "", 5_000, 4, 3);
    }

    ChatResult chat(EndpointClient client, String model) {
        return client.chat(new ModelCall("e", model, 0.2, 77), List.of(ChatMessage.user("hello")), "t@1");
    }

    @Test
    void reasoningModelsGetMaxCompletionTokensAndNoTemperature() {
        server.reply(200, OK, Map.of()).reply(200, OK, Map.of());
        chat(server.client(endpoint(), Map.of()), "gpt-4o");
        Endpoint reasoning = endpoint()
                .withWire(
                        Endpoint.URL_OPENAI,
                        "authorization",
                        Map.of(),
                        Map.of(),
                        Endpoint.MAX_COMPLETION_TOKENS,
                        false);
        chat(server.client(reasoning, Map.of()), "o4-mini");

        JsonNode plain = Json.read(server.bodies.get(0), JsonNode.class);
        assertEquals(77, plain.path("max_tokens").asInt());
        assertEquals(0.2, plain.path("temperature").asDouble());
        JsonNode o = Json.read(server.bodies.get(1), JsonNode.class);
        assertEquals(77, o.path("max_completion_tokens").asInt());
        assertFalse(o.has("max_tokens"), o.toString());
        assertFalse(o.has("temperature"), o.toString());
    }

    @Test
    void azureDeploymentUrlsCarryTheApiVersionAndTheKeyInApiKey() {
        server.reply(200, OK, Map.of());
        Endpoint azure = endpoint()
                .withBaseUrl(server.baseUrl().replace("/v1", "/openai"))
                .withWire(
                        Endpoint.URL_AZURE,
                        "api-key",
                        Map.of(),
                        Map.of("api-version", "2024-10-21"),
                        Endpoint.MAX_TOKENS,
                        true);
        azure = new Endpoint(
                azure.baseUrl(),
                "AZURE_OPENAI_API_KEY",
                azure.timeoutMs(),
                azure.maxInFlight(),
                azure.maxAttempts(),
                0,
                0,
                50,
                0.9,
                60_000,
                azure.urlStyle(),
                azure.apiKeyHeader(),
                azure.headers(),
                azure.query(),
                azure.maxTokensParam(),
                azure.sendTemperature(),
                60_000,
                5,
                "none");
        ChatResult r =
                chat(server.client(azure, Map.of("AZURE_OPENAI_API_KEY", "azure-secret")), "my-gpt4o-deployment");

        assertEquals(CallOutcome.OK, r.outcome(), r.error());
        assertEquals(
                "/openai/deployments/my-gpt4o-deployment/chat/completions?api-version=2024-10-21",
                server.targets.get(0));
        assertEquals("azure-secret", server.headers.get(0).get("api-key"));
        assertFalse(server.headers.get(0).containsKey("authorization"), "no bearer key besides api-key");
    }

    @Test
    void extraHeadersAndAUserAgentNamingJudgeforge() {
        server.reply(200, OK, Map.of());
        Endpoint openRouter = endpoint()
                .withWire(
                        Endpoint.URL_OPENAI,
                        "authorization",
                        Map.of("HTTP-Referer", "https://example.org/judgeforge", "X-Title", "Judgeforge"),
                        Map.of(),
                        Endpoint.MAX_TOKENS,
                        true);
        chat(server.client(openRouter, Map.of()), "openai/gpt-4o");
        Map<String, String> h = server.headers.get(0);
        assertEquals("https://example.org/judgeforge", h.get("http-referer"));
        assertEquals("Judgeforge", h.get("x-title"));
        assertTrue(h.get("user-agent").startsWith("judgeforge/" + Versions.VERSION + " "), h.get("user-agent"));
        assertFalse(Versions.VERSION.isBlank() || Versions.VERSION.startsWith("$"), Versions.VERSION);
    }

    @Test
    void aKeyCannotBeSmuggledIntoThePlainHeaders() {
        assertThrows(
                io.judgeforge.config.ConfigException.class,
                () -> endpoint()
                        .withWire(
                                Endpoint.URL_OPENAI,
                                "authorization",
                                Map.of("Authorization", "Bearer sk-in-the-config"),
                                Map.of(),
                                Endpoint.MAX_TOKENS,
                                true));
    }

    @Test
    void cachedPromptTokensArePricedAtTheCachedPriceAndReasoningTokensCounted() {
        Spending spending = new Spending(
                Map.of("gpt-4o", new io.judgeforge.config.PipelineConfig.Price(2.5, 10, 1.25)),
                "cached-" + System.nanoTime(),
                0,
                0);
        server.spend(spending).reply(200, OK, Map.of());
        ChatResult r = chat(server.client(endpoint(), Map.of()), "gpt-4o");

        assertEquals(768, r.cachedTokens());
        assertEquals(64, r.reasoningTokens());
        // 232 uncached at 2.5, 768 cached at 1.25, 100 completion (64 of them reasoning) at 10, per million.
        assertEquals((232 * 2.5 + 768 * 1.25 + 100 * 10) / 1e6, r.costUsd(), 1e-12);
        assertEquals(
                (1000 * 2.5 + 100 * 10) / 1e6,
                new Spending(Map.of("gpt-4o", new io.judgeforge.config.PipelineConfig.Price(2.5, 10)), "x", 0, 0)
                        .cost("gpt-4o", new io.judgeforge.teacher.call.Usage(1000, 768, 100, 64)),
                1e-12,
                "no cached price: input price");
    }

    @Test
    void aRefusedAnswerIsPaidForButNotUsable() {
        Spending spending = new Spending(
                Map.of("m", new io.judgeforge.config.PipelineConfig.Price(1, 1)), "refusal-" + System.nanoTime(), 0, 0);
        server.spend(spending)
                .reply(
                        200,
                        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                                + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,"
                                + "\"completion_tokens\":5,\"total_tokens\":15}}",
                        Map.of());
        ChatResult r = chat(server.client(endpoint(), Map.of()), "m");
        assertEquals(CallOutcome.REFUSED, r.outcome());
        assertTrue(r.error().contains("I can't help with that."), r.error());
        assertEquals(15 / 1e6, r.costUsd(), 1e-12);
    }

    @Test
    void theSame400AgainAndAgainStopsTheRunButPerItem400sDoNot() {
        String perItem =
                "{\"error\":{\"message\":\"Invalid content in messages[0] of item %d\",\"type\":\"invalid_request_error\"}}";
        String same =
                "{\"error\":{\"message\":\"Unrecognized request argument supplied: seed\",\"type\":\"invalid_request_error\"}}";
        for (int i = 0; i < 6; i++) {
            server.reply(400, String.format(perItem, i), Map.of());
        }
        for (int i = 0; i < 5; i++) {
            server.reply(400, same, Map.of());
        }
        EndpointClient client = server.client(endpoint(), Map.of());
        for (int i = 0; i < 6; i++) {
            assertEquals(CallOutcome.BAD_REQUEST, chat(client, "m400").outcome(), "per-item 400s are quarantined");
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(CallOutcome.BAD_REQUEST, chat(client, "m400").outcome());
        }
        FatalEndpointException stop = assertThrows(FatalEndpointException.class, () -> chat(client, "m400"));
        assertEquals(CallOutcome.UNSUPPORTED_PARAMETER, stop.outcome());
        assertTrue(stop.getMessage().contains("the same error 5 times in a row"), stop.getMessage());
        assertEquals(11, server.requests());
        assertThrows(FatalEndpointException.class, () -> chat(client, "m400"));
        assertEquals(11, server.requests(), "no request after the stop");
    }

    @Test
    void aServerWaitLongerThanMaxWaitIsCapped() {
        server.reply(
                429,
                "{\"error\":{\"message\":\"slow down\",\"code\":\"rate_limit_exceeded\"}}",
                Map.of(
                        "x-ratelimit-remaining-requests",
                        "0",
                        "x-ratelimit-reset-requests",
                        "6m0s",
                        "retry-after",
                        "360"));
        server.reply(200, OK, Map.of());
        Endpoint capped = new Endpoint(
                server.baseUrl(),
                "",
                5_000,
                4,
                3,
                0,
                0,
                50,
                0.9,
                60_000,
                Endpoint.URL_OPENAI,
                "authorization",
                Map.of(),
                Map.of(),
                Endpoint.MAX_TOKENS,
                true,
                2_000,
                5,
                Endpoint.RECOVER_NONE);
        ChatResult r = chat(server.client(capped, Map.of()), "capped-" + System.nanoTime());
        assertEquals(CallOutcome.OK, r.outcome());
        assertTrue(server.sleeps.stream().allMatch(s -> s <= 2_000), "every wait within max-wait-ms: " + server.sleeps);
        assertTrue(server.sleeps.get(0) == 2_000, "the retry waited the cap: " + server.sleeps);
    }

    @Test
    void aBareEpochResetIsAPointInTimeNotYears() {
        long now = System.currentTimeMillis();
        long inTenSeconds = now / 1000 + 10;
        assertTrue(io.judgeforge.teacher.limit.RateLimitHeaders.durationMs(Long.toString(inTenSeconds), now) <= 10_000);
        assertTrue(io.judgeforge.teacher.limit.RateLimitHeaders.durationMs(Long.toString(now + 3_000), now) <= 3_000);
        assertEquals(20, io.judgeforge.teacher.limit.RateLimitHeaders.durationMs("20ms", now));
        assertEquals(360_000, io.judgeforge.teacher.limit.RateLimitHeaders.durationMs("6m0s", now));
        assertEquals(0, io.judgeforge.teacher.limit.RateLimitHeaders.durationMs("soon", now));
    }

    @Test
    void aKeyEchoedInAnErrorBodyIsRemovedBeforeAnythingKeepsIt() {
        server.reply(
                400, "{\"error\":{\"message\":\"Invalid request for key sk-echoed-secret-123: bad field\"}}", Map.of());
        Endpoint keyed = new Endpoint(server.baseUrl(), "JF_ECHO_KEY", 5_000, 4, 1);
        ChatResult r = chat(server.client(keyed, Map.of("JF_ECHO_KEY", "sk-echoed-secret-123")), "echo-model");
        assertEquals(CallOutcome.BAD_REQUEST, r.outcome());
        assertFalse(r.error().contains("sk-echoed-secret-123"), r.error());
        assertTrue(r.error().contains("[api key removed]"), r.error());
    }

    @Test
    void aKeyWithALineBreakIsRefusedNamingOnlyTheVariable() {
        // In Azure's api-key header OkHttp would refuse the CR with the header's value in its message.
        Endpoint keyed = new Endpoint(server.baseUrl(), "JF_CR_KEY", 5_000, 4, 1)
                .withWire(Endpoint.URL_OPENAI, "api-key", Map.of(), Map.of(), Endpoint.MAX_TOKENS, true);
        io.judgeforge.config.ConfigException e = assertThrows(
                io.judgeforge.config.ConfigException.class,
                () -> server.client(keyed, Map.of("JF_CR_KEY", "sk-secret\r-cr")));
        assertTrue(e.getMessage().contains("JF_CR_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-secret"), e.getMessage());
        assertEquals(0, server.requests());
    }

    @Test
    void aKeyEchoedInsideA200IsRemovedToo() {
        server.reply(200, "{\"error\":{\"code\":502,\"message\":\"upstream failed for key sk-secret-200\"}}", Map.of());
        Endpoint keyed = new Endpoint(server.baseUrl(), "JF_200_KEY", 5_000, 4, 1);
        ChatResult r = chat(server.client(keyed, Map.of("JF_200_KEY", "sk-secret-200")), "echo-200");
        assertEquals(CallOutcome.TRANSIENT, r.outcome());
        assertFalse(r.error().contains("sk-secret-200"), r.error());
    }

    @Test
    void theBackoffWithoutAServerHintIsCappedByMaxWaitToo() {
        for (int i = 0; i < 5; i++) {
            server.reply(503, "{\"error\":{\"message\":\"overloaded\"}}", Map.of());
        }
        Endpoint capped = new Endpoint(
                server.baseUrl(),
                "",
                5_000,
                4,
                6,
                0,
                0,
                50,
                0.9,
                60_000,
                Endpoint.URL_OPENAI,
                "authorization",
                Map.of(),
                Map.of(),
                Endpoint.MAX_TOKENS,
                true,
                1_000,
                5,
                Endpoint.RECOVER_NONE);
        server.reply(200, OK, Map.of());
        assertEquals(
                CallOutcome.OK, chat(server.client(capped, Map.of()), "backoff").outcome());
        assertEquals(5, server.sleeps.size());
        assertTrue(server.sleeps.stream().allMatch(s -> s <= 1_000), "waits: " + server.sleeps);
    }

    @Test
    void insufficientQuotaStopsEveryModelOfTheEndpointWithoutHalvingConcurrency() {
        server.reply(
                429,
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                        + "\"code\":\"insufficient_quota\"}}",
                Map.of());
        Endpoint endpoint = endpoint();
        EndpointClient client = server.client(endpoint, Map.of());
        FatalEndpointException e = assertThrows(FatalEndpointException.class, () -> chat(client, "quota-a"));
        assertEquals(CallOutcome.QUOTA_EXHAUSTED, e.outcome());
        FatalEndpointException other = assertThrows(FatalEndpointException.class, () -> chat(client, "quota-b"));
        assertEquals(CallOutcome.QUOTA_EXHAUSTED, other.outcome(), "another model of the same account");
        assertEquals(1, server.requests(), "never retried, and nothing sent after it");
        assertEquals(
                endpoint.maxInFlight(),
                io.judgeforge.teacher.limit.EndpointLimits.shared(server.endpointName(), endpoint, "quota-a")
                        .concurrency
                        .limit(),
                1e-9,
                "a billing stop is not a rate limit");
    }
}
