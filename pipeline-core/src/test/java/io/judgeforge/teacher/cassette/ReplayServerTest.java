package io.judgeforge.teacher.cassette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.LogprobResult;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.store.InMemoryResponseStore;
import io.judgeforge.teacher.store.ResponseStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record against the simulator, write a cassette, replay it: same answers, and a clear error for anything else. */
class ReplayServerTest {
    static EndpointClient client(String url, ResponseStore store) {
        return new EndpointClient(
                "recorded", new Endpoint(url, "", 5_000, 4, 1), store, Spending.NONE, k -> null, ms -> {});
    }

    @Test
    void aReplayAnswersRecordedRequestsAndRefusesOthers() {
        ModelCall call = new ModelCall("recorded", "sim-34b", 0.7, 256);
        InMemoryResponseStore store = new InMemoryResponseStore();
        List<String> lines = new ArrayList<>();
        ChatResult recordedChat;
        LogprobResult recordedLogprobs;
        try (SimulatorServer sim = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            EndpointClient recorder = client(sim.baseUrl(), store);
            recordedChat = recorder.chat(call, List.of(ChatMessage.user("Name three rivers in Europe.")), "t@1");
            recordedLogprobs = recorder.promptLogprobs(
                    new io.judgeforge.teacher.CompletionClient.ScorerCall("sim", "sim-scorer"),
                    "### Response:\nThe Danube.");
        }
        store.all().forEach(r -> lines.add(Cassette.line(r)));
        assertEquals(2, lines.size(), "both exchanges were recorded");

        Cassette cassette = Cassette.parse(lines, "test");
        try (ReplayServer replay = ReplayServer.start(cassette, 0)) {
            EndpointClient replayer = client(replay.baseUrl(), ResponseStore.NONE);
            ChatResult again = replayer.chat(call, List.of(ChatMessage.user("Name three rivers in Europe.")), "t@1");
            assertEquals(recordedChat.content(), again.content());
            assertEquals(
                    recordedLogprobs.tokenLogprobs(),
                    replayer.promptLogprobs(
                                    new io.judgeforge.teacher.CompletionClient.ScorerCall("sim", "sim-scorer"),
                                    "### Response:\nThe Danube.")
                            .tokenLogprobs());
            ChatResult unknown = replayer.chat(call, List.of(ChatMessage.user("Name three rivers in Asia.")), "t@1");
            assertEquals(CallOutcome.BAD_REQUEST, unknown.outcome());
            assertTrue(unknown.error().contains("not in the cassette"), unknown.error());
            assertEquals(2, replay.served());
            assertEquals(1, replay.missing());
        }
    }
}
