package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.CompletionClient.ScorerCall;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.store.ResponseStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the simulator in its realistic mode over loopback HTTP: vLLM's error dialect,
 * a required key, a context limit, reasoning models, Azure's paths and the fault triggers, each
 * answered the way the public APIs answer. No scripted reply here: both ends are the real code.
 */
class RealisticSimulatorClientTest {
    static final String KEY = "sk-realistic-test-key";
    static LocalEndpointServer sim;
    static final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        sim = LocalEndpointServers.startSimulator(
                "this test",
                "",
                List.of(
                        "--port",
                        "0",
                        "--realism",
                        "--error-dialect",
                        "vllm",
                        "--require-key",
                        KEY,
                        "--context-tokens",
                        "2048"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static int serial;

    static EndpointClient client(Endpoint endpoint, String key) {
        // A name of each client's own: a fatal answer in one test must not stop another's endpoint.
        return new EndpointClient(
                "realistic-" + (++serial),
                endpoint,
                ResponseStore.NONE,
                Spending.NONE,
                name -> name.equals("REALISTIC_KEY") ? key : null,
                sleeps::add);
    }

    static Endpoint openAi() {
        return new Endpoint(sim.baseUrl(), "REALISTIC_KEY", 30_000, 4, 3);
    }

    static ChatResult chat(EndpointClient client, String model, int maxTokens) {
        return client.chat(
                new ModelCall("e", model, 0.0, maxTokens), List.of(ChatMessage.user("Name three rivers.")), "t@1");
    }

    @Test
    void aWrongKeyStopsAtOnce() {
        FatalEndpointException e =
                assertThrows(FatalEndpointException.class, () -> chat(client(openAi(), "sk-wrong"), "sim-6b", 64));
        assertEquals(CallOutcome.AUTH_FAILED, e.outcome());
    }

    @Test
    void reasoningModelsRejectMaxTokensAndAnswerWithMaxCompletionTokens() {
        FatalEndpointException e =
                assertThrows(FatalEndpointException.class, () -> chat(client(openAi(), KEY), "sim-o4-mini", 256));
        assertEquals(CallOutcome.UNSUPPORTED_PARAMETER, e.outcome());
        assertTrue(e.getMessage().contains("max_completion_tokens"), e.getMessage());

        Endpoint reasoning = openAi().withWire(
                        Endpoint.URL_OPENAI,
                        "authorization",
                        Map.of(),
                        Map.of(),
                        Endpoint.MAX_COMPLETION_TOKENS,
                        false);
        ChatResult r = chat(client(reasoning, KEY), "sim-o4-mini", 400);
        assertEquals(CallOutcome.OK, r.outcome(), r.error());
        assertTrue(r.reasoningTokens() > 0 && r.reasoningTokens() < r.completionTokens(), r.toString());
    }

    @Test
    void aPromptOverTheContextIsContextTooLongInVllmsDialect() {
        String longText = "word ".repeat(3000);
        LogprobResult r = client(openAi(), KEY).promptLogprobs(new ScorerCall("e", "sim-scorer"), longText);
        assertEquals(CallOutcome.CONTEXT_TOO_LONG, r.outcome(), r.error());
        assertTrue(r.error().contains("maximum context length"), r.error());
    }

    @Test
    void azureDeploymentPathsWithTheApiKeyHeader() {
        Endpoint azure = new Endpoint(sim.baseUrl().replace("/v1", "/openai"), "REALISTIC_KEY", 30_000, 4, 3)
                .withWire(
                        Endpoint.URL_AZURE,
                        "api-key",
                        Map.of(),
                        Map.of("api-version", "2024-10-21"),
                        Endpoint.MAX_TOKENS,
                        true);
        ChatResult r = chat(client(azure, KEY), "sim-13b", 768);
        assertEquals(CallOutcome.OK, r.outcome(), r.error());
    }

    @Test
    void faultsEndAsTheirOwnOutcomes() {
        EndpointClient client = client(openAi(), KEY);
        assertEquals(
                CallOutcome.MALFORMED_JSON,
                chat(client, "sim-fault-html_body", 64).outcome(),
                "retried, then given up");
        assertEquals(
                CallOutcome.MALFORMED_JSON,
                chat(client, "sim-fault-no_choices", 64).outcome());
        assertEquals(
                CallOutcome.TRUNCATED, chat(client, "sim-fault-truncated", 64).outcome());
        FatalEndpointException quota = assertThrows(
                FatalEndpointException.class, () -> chat(client(openAi(), KEY), "sim-fault-insufficient_quota", 64));
        assertEquals(CallOutcome.QUOTA_EXHAUSTED, quota.outcome());
    }

    @Test
    void retriedRateLimitsHonourTheServersWaitsAndTheUserAgentNamesJudgeforge() throws Exception {
        sleeps.clear();
        ChatResult limited = chat(client(openAi(), KEY), "sim-fault-http429", 64);
        assertEquals(CallOutcome.RATE_LIMITED, limited.outcome());
        assertEquals(3, limited.attempts());
        // Before each retry its Retry-After; then the pause its spent x-ratelimit budget asks for, within max-wait-ms.
        assertTrue(
                sleeps.size() >= 2 && sleeps.stream().allMatch(s -> s > 0 && s <= openAi().maxWaitMs()),
                sleeps.toString());

        HttpResponse<String> log = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/requests")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> agents = new ArrayList<>();
        Json.read(log.body(), JsonNode.class)
                .path("requests")
                .forEach(r -> agents.add(r.path("user_agent").asText()));
        assertTrue(!agents.isEmpty() && agents.stream().allMatch(a -> a.startsWith("judgeforge/")), agents.toString());
    }
}
