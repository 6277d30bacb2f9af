package io.judgeforge.teacher.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.simulator.ErrorDialect;
import io.judgeforge.simulator.Realism;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.store.InMemoryResponseStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM dies with a chat request on the wire; the rerun finds the request's claim lapsed and reads
 * the answer from the provider's stored completions instead of paying again. Over real HTTP, against
 * the simulator in OpenAI's dialect and in vLLM's (which has no such API).
 */
class StoredCompletionRecoveryTest {
    static final ModelCall CALL = new ModelCall("sim", "sim-13b", 0.0, 64);
    static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("Give two tips for learning chess."));

    static EndpointClient client(SimulatorServer sim, InMemoryResponseStore store, String recover) {
        Endpoint endpoint = new Endpoint(sim.baseUrl(), "", 10_000, 4, 2).withRecoverInFlight(recover);
        return new EndpointClient("sim", endpoint, store, Spending.NONE, name -> null, ms -> {});
    }

    static long chatPosts(SimulatorServer sim) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sim.baseUrl().replace("/v1", "/sim/stats")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class)
                .at("/by_path/~1v1~1chat~1completions")
                .asLong(0);
    }

    /** The dead JVM: it sent the request (marked, as recovery sends it) and never stored the answer. */
    static ChatResult diedAfterSending(SimulatorServer sim, String recover) {
        InMemoryResponseStore lost = new InMemoryResponseStore();
        return client(sim, lost, recover).chat(CALL, MESSAGES, "t@1");
    }

    static InMemoryResponseStore storeWithLapsedClaim(String key) throws InterruptedException {
        InMemoryResponseStore store = new InMemoryResponseStore();
        assertTrue(store.claim(key, 1).won());
        Thread.sleep(5);
        return store;
    }

    @Test
    void theRerunReadsTheAnswerTheDeadAttemptPaidFor() throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            ChatResult paid = diedAfterSending(sim, Endpoint.RECOVER_STORED_COMPLETIONS);
            assertEquals(1, chatPosts(sim));

            InMemoryResponseStore store = storeWithLapsedClaim(paid.requestKey());
            ChatResult rerun =
                    client(sim, store, Endpoint.RECOVER_STORED_COMPLETIONS).chat(CALL, MESSAGES, "t@1");

            assertEquals(1, chatPosts(sim), "no second request was paid for");
            assertTrue(rerun.ok() && rerun.stored());
            assertEquals(paid.content(), rerun.content());
            assertEquals(paid.promptTokens(), rerun.promptTokens());
            assertEquals(0.0, rerun.costUsd());
            assertTrue(store.get(paid.requestKey()).isPresent(), "kept in the store");
        }
    }

    @Test
    void recoveryKeepsTheRequestKeySoTheStoreStillAnswers() throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            InMemoryResponseStore store = new InMemoryResponseStore();
            ChatResult plain = client(sim, store, Endpoint.RECOVER_NONE).chat(CALL, MESSAGES, "t@1");
            ChatResult marked =
                    client(sim, store, Endpoint.RECOVER_STORED_COMPLETIONS).chat(CALL, MESSAGES, "t@1");
            assertEquals(plain.requestKey(), marked.requestKey());
            assertTrue(marked.stored(), "answered from the store the plain run filled");
            assertEquals(1, chatPosts(sim));
        }
    }

    @Test
    void withoutRecoveryOrOnVllmTheRequestIsMadeAgain() throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            ChatResult paid = diedAfterSending(sim, Endpoint.RECOVER_NONE);
            ChatResult rerun = client(sim, storeWithLapsedClaim(paid.requestKey()), Endpoint.RECOVER_NONE)
                    .chat(CALL, MESSAGES, "t@1");
            assertFalse(rerun.stored());
            assertEquals(2, chatPosts(sim), "a request not kept by the provider is paid twice");
        }
        Realism vllm = Realism.OFF.withErrorDialect(ErrorDialect.VLLM);
        try (SimulatorServer sim =
                SimulatorServer.start(SimulatorSettings.defaults().withRealism(vllm), 0)) {
            ChatResult paid = diedAfterSending(sim, Endpoint.RECOVER_STORED_COMPLETIONS);
            ChatResult rerun = client(sim, storeWithLapsedClaim(paid.requestKey()), Endpoint.RECOVER_STORED_COMPLETIONS)
                    .chat(CALL, MESSAGES, "t@1");
            assertTrue(rerun.ok());
            assertFalse(rerun.stored(), "vLLM keeps nothing: the 405 turns recovery off and the request is made");
            assertEquals(2, chatPosts(sim));
        }
    }
}
