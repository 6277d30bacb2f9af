package io.judgeforge.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.store.InMemoryResponseStore;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client with a response store: a request is paid for once, whatever repeats it. */
class ResponseStoreClientTest {
    static final ModelCall CALL = new ModelCall("e", "m", 0.0, 16);
    static final List<ChatMessage> HELLO = List.of(ChatMessage.user("hello"));
    final ScriptedEndpoint server = new ScriptedEndpoint();
    final InMemoryResponseStore store = new InMemoryResponseStore();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aStoredResponseIsUsedWithoutACall() {
        server.storeIn(store).chat("first answer");
        ChatResult paid = server.client().chat(CALL, HELLO, "t@1");
        ChatResult again = server.client().chat(CALL, HELLO, "t@1");
        assertEquals(1, server.requests());
        assertFalse(paid.stored());
        assertTrue(again.stored());
        assertEquals("first answer", again.content());
        assertEquals(paid.requestKey(), again.requestKey());
        assertEquals(0, again.attempts(), "no HTTP attempt for a stored answer");
    }

    @Test
    void theKeyCoversModelSamplingMessagesAndTemplateVersion() {
        server.storeIn(store);
        for (int i = 0; i < 5; i++) {
            server.chat("answer " + i);
        }
        EndpointClient c = server.client();
        String base = c.chat(CALL, HELLO, "t@1").requestKey();
        assertNotEquals(base, c.chat(CALL, HELLO, "t@2").requestKey());
        assertNotEquals(
                base, c.chat(new ModelCall("e", "m2", 0.0, 16), HELLO, "t@1").requestKey());
        assertNotEquals(
                base, c.chat(new ModelCall("e", "m", 0.7, 16), HELLO, "t@1").requestKey());
        assertNotEquals(
                base, c.chat(CALL, List.of(ChatMessage.user("hello!")), "t@1").requestKey());
        assertEquals(5, server.requests());
        assertEquals(5, store.size());
    }

    @Test
    void failuresAreNotStoredSoARerunRetriesThem() {
        server.storeIn(store)
                .reply(400, "{\"error\":{\"message\":\"bad\"}}", Map.of())
                .reply(200, "{not json", Map.of());
        EndpointClient c = server.client();
        assertEquals(CallOutcome.BAD_REQUEST, c.chat(CALL, HELLO, "t@1").outcome());
        assertEquals(CallOutcome.MALFORMED_JSON, c.chat(CALL, HELLO, "t@1").outcome());
        assertEquals(0, store.size());
        server.chat("recovered");
        assertEquals("recovered", c.chat(CALL, HELLO, "t@1").content());
    }

    @Test
    void aTruncatedOrRefusedAnswerIsNotStoredSoARerunAsksAgain() {
        server.storeIn(store).chat("cut", "length");
        server.reply(
                200,
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}",
                Map.of());
        server.chat("whole");
        assertEquals(
                CallOutcome.TRUNCATED, server.client().chat(CALL, HELLO, "t@1").outcome());
        assertEquals(
                CallOutcome.REFUSED, server.client().chat(CALL, HELLO, "t@1").outcome());
        assertEquals(0, store.size(), "neither failure is kept");
        ChatResult again = server.client().chat(CALL, HELLO, "t@1");
        assertEquals("whole", again.content());
        assertFalse(again.stored());
        assertEquals(3, server.requests());
        assertTrue(server.client().chat(CALL, HELLO, "t@1").stored(), "the good answer is kept");
    }

    @Test
    void aSpentBudgetStopsNewCallsButNotStoredAnswers() {
        // The scripted usage is 7 prompt + 2 completion tokens: at 1,000 USD per million, 0.009 USD a call.
        // A call is booked at its worst case first: its body's 94 or 96 bytes as prompt tokens plus its
        // 16 completion tokens, 0.110 or 0.112 USD. With 0.125 to spend, the second call's booking fits
        // next to the first's 0.009, the third's not next to 0.018.
        io.judgeforge.teacher.cost.Spending spending = new io.judgeforge.teacher.cost.Spending(
                Map.of("m", new io.judgeforge.config.PipelineConfig.Price(1_000, 1_000)),
                "budget-" + System.nanoTime(),
                0.125,
                0);
        server.storeIn(store).spend(spending).chat("paid");
        ChatResult paid = server.client().chat(CALL, HELLO, "t@1");
        assertEquals(0.009, paid.costUsd(), 1e-12);
        server.chat("second");
        ChatResult second = server.client().chat(CALL, List.of(ChatMessage.user("another")), "t@1");
        assertEquals(CallOutcome.OK, second.outcome(), "0.009 spent and a worst case of 0.112 fit in 0.125");
        ChatResult refused = server.client().chat(CALL, List.of(ChatMessage.user("a third")), "t@1");
        assertEquals(CallOutcome.BUDGET_EXHAUSTED, refused.outcome());
        assertEquals(2, server.requests(), "the refused call was not sent");
        ChatResult stored = server.client().chat(CALL, HELLO, "t@1");
        assertEquals("paid", stored.content(), "an answer already paid for is still used");
        assertEquals(0, stored.costUsd());
    }

    @Test
    void whileAnotherAttemptHoldsTheClaimTheClientWaitsForItsResponse() {
        // Learn the key with a throwaway call, then clear the store and claim the key as a rival attempt.
        server.chat("probe");
        InMemoryResponseStore probe = new InMemoryResponseStore();
        String key = new EndpointClient(
                        "scripted",
                        server.endpoint("", 1),
                        probe,
                        io.judgeforge.teacher.cost.Spending.NONE,
                        k -> null,
                        ms -> {})
                .chat(CALL, HELLO, "t@1")
                .requestKey();
        ResponseStore rival = new InMemoryResponseStore();
        assertTrue(rival.claim(key, 60_000).won());
        String body = probe.get(key).orElseThrow().response();
        int[] polls = {0};
        EndpointClient c = new EndpointClient(
                "scripted", server.endpoint("", 1), rival, io.judgeforge.teacher.cost.Spending.NONE, k -> null, ms -> {
                    if (++polls[0] == 3) {
                        rival.put(new StoredResponse(key, "scripted", "/chat/completions", "{}", body, "now"));
                    }
                });
        ChatResult r = c.chat(CALL, HELLO, "t@1");
        assertTrue(r.stored());
        assertEquals("probe", r.content());
        assertEquals(1, server.requests(), "only the probe reached the server");
        assertEquals(3, polls[0]);
    }
}
