package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.ConfigException;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted loopback server: each request takes the next scripted reply. */
class EndpointClientTest {
    static final String OK =
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}";
    static final ModelCall CALL = new ModelCall("e", "m", 0.0, 16);

    ScriptedEndpoint server;

    @BeforeEach
    void start() {
        server = new ScriptedEndpoint();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ScriptedEndpoint reply(int status, String body, Map<String, String> headers) {
        return server.reply(status, body, headers);
    }

    EndpointClient client(int maxAttempts, String keyEnv, Map<String, String> env) {
        return server.client(maxAttempts, keyEnv, env);
    }

    ChatResult chat(EndpointClient c) {
        return c.chat(CALL, List.of(ChatMessage.user("hello")), "t@1");
    }

    @Test
    void requestsBeyondTheRpmShareWaitTheirTurn() {
        for (int i = 0; i < 3; i++) {
            reply(200, OK, Map.of());
        }
        // A model name of its own: the JVM-wide limits are keyed by endpoint and model.
        EndpointClient c = new EndpointClient(
                "rpm-test",
                new io.judgeforge.config.PipelineConfig.Endpoint(
                        server.endpoint("", 1).baseUrl(), "", 5_000, 4, 1, 2, 0),
                io.judgeforge.teacher.store.ResponseStore.NONE,
                io.judgeforge.teacher.cost.Spending.NONE,
                k -> null,
                server.sleeps::add);
        ModelCall call = new ModelCall("e", "rpm-model-" + System.nanoTime(), 0.0, 16);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    CallOutcome.OK,
                    c.chat(call, List.of(ChatMessage.user("hello " + i)), "t@1").outcome());
        }
        assertEquals(2, server.sleeps.size(), "the first request goes at once, the next ones wait their turn");
        assertTrue(
                server.sleeps.get(0) > 29_000 && server.sleeps.get(0) <= 30_000,
                "half a minute at 2 rpm: " + server.sleeps);
        assertTrue(
                server.sleeps.get(1) > 59_000 && server.sleeps.get(1) <= 60_000,
                "and the third behind it: " + server.sleeps);
    }

    @Test
    void aSustainedStormOpensTheCircuitAndLaterCallsAreNotSent() {
        // The scripted server answers 500 once its script is empty. Window 4, all failed, no minimum time.
        EndpointClient c = new EndpointClient(
                "storm-" + System.nanoTime(),
                new io.judgeforge.config.PipelineConfig.Endpoint(
                        server.endpoint("", 1).baseUrl(), "", 5_000, 4, 2, 0, 0, 4, 1.0, 0),
                io.judgeforge.teacher.store.ResponseStore.NONE,
                io.judgeforge.teacher.cost.Spending.NONE,
                k -> null,
                server.sleeps::add);
        assertEquals(CallOutcome.TRANSIENT, chat(c).outcome());
        assertEquals(CallOutcome.TRANSIENT, chat(c).outcome());
        ChatResult refused = chat(c);
        assertEquals(CallOutcome.CIRCUIT_OPEN, refused.outcome());
        assertEquals(0, refused.attempts());
        assertTrue(refused.error().startsWith("circuit open: 4 of the last 4 attempts failed"), refused.error());
        assertEquals(4, server.requests(), "the refused call never reached the server");
    }

    @Test
    void aSpentServerBudgetInTheHeadersPausesTheNextRequest() {
        reply(200, OK, Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1.5s"));
        reply(200, OK, Map.of());
        EndpointClient c = new EndpointClient(
                "headers-" + System.nanoTime(),
                server.endpoint("", 1),
                io.judgeforge.teacher.store.ResponseStore.NONE,
                io.judgeforge.teacher.cost.Spending.NONE,
                k -> null,
                server.sleeps::add);
        chat(c);
        assertEquals(List.of(), server.sleeps);
        chat(c);
        assertEquals(1, server.sleeps.size());
        assertTrue(
                server.sleeps.get(0) > 1_000 && server.sleeps.get(0) <= 1_500,
                "waited for the reset: " + server.sleeps);
    }

    @Test
    void okCarriesContentAndUsage() {
        reply(200, OK, Map.of());
        ChatResult r = chat(client(3, "", Map.of()));
        assertEquals(CallOutcome.OK, r.outcome());
        assertEquals("hi", r.content());
        assertEquals(1, r.attempts());
        assertEquals(7, r.promptTokens());
        assertEquals(2, r.completionTokens());
        assertEquals("null", server.authorization.get(0), "no key configured, no Authorization header");
    }

    @Test
    void retriesA429HonouringRetryAfter() {
        reply(429, "{}", Map.of("Retry-After", "2"));
        reply(200, OK, Map.of());
        ChatResult r = chat(client(3, "", Map.of()));
        assertEquals(CallOutcome.OK, r.outcome());
        assertEquals(2, r.attempts());
        assertEquals(List.of(2000L), server.sleeps);
    }

    @Test
    void everyAttemptOnTheWireIsHeardWithItsRateLimit() {
        reply(429, "{}", Map.of("Retry-After", "0"));
        reply(503, "{}", Map.of());
        reply(200, OK, Map.of());
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.judgeforge.teacher.call.CallEvents events = new io.judgeforge.teacher.call.CallEvents() {
            @Override
            public void sent() {
                heard.add("sent");
            }

            @Override
            public void returned(boolean rateLimited) {
                heard.add(rateLimited ? "429" : "back");
            }
        };
        assertEquals(
                CallOutcome.OK,
                chat(server.client(server.endpoint("", 3), events)).outcome());
        assertEquals(List.of("sent", "429", "sent", "back", "sent", "back"), heard);
    }

    @Test
    void persistentFailuresEndAsOutcomesAfterTheRetryCap() {
        for (int i = 0; i < 3; i++) {
            reply(429, "{}", Map.of());
        }
        ChatResult limited = chat(client(3, "", Map.of()));
        assertEquals(CallOutcome.RATE_LIMITED, limited.outcome());
        assertEquals(3, limited.attempts());
        assertEquals(2, server.sleeps.size(), "no sleep after the last attempt");
        for (int i = 0; i < 2; i++) {
            reply(503, "{}", Map.of());
        }
        assertEquals(CallOutcome.TRANSIENT, chat(client(2, "", Map.of())).outcome());
    }

    @Test
    void aBadRequestIsNotRetried() {
        reply(400, "{\"error\":{\"message\":\"bad\"}}", Map.of());
        ChatResult r = chat(client(3, "", Map.of()));
        assertEquals(CallOutcome.BAD_REQUEST, r.outcome());
        assertEquals(1, r.attempts());
        assertTrue(r.error().startsWith("HTTP 400"), r.error());
    }

    @Test
    void truncatedFilteredAndMalformedAnswersAreOutcomes() {
        reply(200, OK.replace("\"stop\"", "\"length\""), Map.of());
        reply(200, OK.replace("\"stop\"", "\"content_filter\""), Map.of());
        reply(200, "{not json", Map.of());
        reply(200, "{\"choices\":[]}", Map.of());
        EndpointClient c = client(1, "", Map.of());
        assertEquals(CallOutcome.TRUNCATED, chat(c).outcome());
        assertEquals(CallOutcome.CONTENT_FILTERED, chat(c).outcome());
        assertEquals(CallOutcome.MALFORMED_JSON, chat(c).outcome(), "a 200 that is not JSON");
        assertEquals(CallOutcome.MALFORMED_JSON, chat(c).outcome(), "a 200 without choices");
    }

    @Test
    void theKeyComesFromTheNamedEnvironmentVariable() {
        reply(200, OK, Map.of());
        chat(client(1, "JF_TEST_KEY", Map.of("JF_TEST_KEY", "sk-sentinel")));
        assertEquals("Bearer sk-sentinel", server.authorization.get(0));
        ConfigException missing = assertThrows(ConfigException.class, () -> client(1, "JF_ABSENT_KEY", Map.of()));
        assertTrue(missing.getMessage().contains("JF_ABSENT_KEY"));
    }

    @Test
    void logprobsAreReadAligned() {
        reply(
                200,
                "{\"choices\":[{\"text\":\"a b\",\"logprobs\":{\"tokens\":[\"a\",\" b\"],"
                        + "\"token_logprobs\":[null,-1.5],\"text_offset\":[0,1]}}],\"usage\":{\"prompt_tokens\":2}}",
                Map.of());
        reply(
                200,
                "{\"choices\":[{\"text\":\"a\",\"logprobs\":{\"tokens\":[\"a\"],\"token_logprobs\":[]}}]}",
                Map.of());
        EndpointClient c = client(1, "", Map.of());
        LogprobResult r = c.promptLogprobs(new CompletionClient.ScorerCall("e", "m"), "a b");
        assertEquals(CallOutcome.OK, r.outcome());
        assertEquals(java.util.Arrays.asList(null, -1.5), r.tokenLogprobs());
        assertEquals(List.of(0, 1), r.textOffsets());
        assertEquals(
                CallOutcome.PARSE_FAILED,
                c.promptLogprobs(new CompletionClient.ScorerCall("e", "m"), "a").outcome());
    }
}
