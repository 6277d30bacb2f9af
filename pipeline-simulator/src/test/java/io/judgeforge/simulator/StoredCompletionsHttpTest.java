package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OpenAI's stored chat completions, as its API reference documents them, over real HTTP. */
class StoredCompletionsHttpTest {

    static ObjectNode stored(String text, String requestKey) {
        ObjectNode request = SimulatorClient.chatRequest("sim-13b", text);
        request.put("store", true);
        request.putObject("metadata").put("judgeforge_request", requestKey).put("run", "r1");
        return request;
    }

    @Test
    void aStoredCompletionIsFoundByItsMetadataAndById() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            JsonNode first = client.post("/v1/chat/completions", stored("Name a river.", "k1"))
                    .json();
            JsonNode second = client.post("/v1/chat/completions", stored("Name a mountain.", "k2"))
                    .json();
            client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-13b", "Not kept."));

            JsonNode found = client.get("/v1/chat/completions?metadata%5Bjudgeforge_request%5D=k1&limit=5")
                    .json();
            assertEquals("list", found.get("object").asText());
            assertEquals(1, found.get("data").size());
            assertEquals(first.get("choices"), found.at("/data/0/choices"), "the completion as it was answered");
            assertEquals(first.get("usage"), found.at("/data/0/usage"));
            assertEquals(first.get("id").asText(), found.get("first_id").asText());
            assertFalse(found.get("has_more").asBoolean());

            assertEquals(
                    2,
                    client.get("/v1/chat/completions?metadata[run]=r1")
                            .json()
                            .get("data")
                            .size(),
                    "unencoded brackets work too; only store: true requests are kept");
            assertEquals(
                    0,
                    client.get("/v1/chat/completions?metadata[judgeforge_request]=k3")
                            .json()
                            .get("data")
                            .size());
            assertEquals(
                    0,
                    client.get("/v1/chat/completions?model=sim-6b")
                            .json()
                            .get("data")
                            .size());

            JsonNode page =
                    client.get("/v1/chat/completions?limit=1&order=desc").json();
            assertEquals(1, page.get("data").size());
            assertTrue(page.get("has_more").asBoolean());
            assertEquals(second.get("id"), page.at("/data/0/id"), "newest first");

            assertEquals(
                    first.get("choices"),
                    client.get("/v1/chat/completions/" + first.get("id").asText())
                            .json()
                            .get("choices"));
            assertEquals(404, client.get("/v1/chat/completions/chatcmpl-none").status());

            JsonNode stats = client.get("/sim/stats").json();
            assertEquals(
                    3, stats.at("/by_path/~1v1~1chat~1completions").asInt(), "reads are not counted as model calls");
            assertEquals(5, stats.at("/by_path/GET ~1v1~1chat~1completions").asInt());
            assertEquals(
                    2, stats.at("/by_path/GET ~1v1~1chat~1completions~1{id}").asInt());
        }
    }

    @Test
    void badStoreOrMetadataOrListParametersAreA400() {
        try (SimulatorServer server = SimulatorServer.start(SimulatorSettings.defaults(), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            ObjectNode tooMany = SimulatorClient.chatRequest("sim-13b", "x");
            ObjectNode meta = tooMany.putObject("metadata");
            for (int i = 0; i < 17; i++) {
                meta.put("k" + i, "v");
            }
            assertEquals(400, client.post("/v1/chat/completions", tooMany).status());
            ObjectNode notString = SimulatorClient.chatRequest("sim-13b", "x");
            notString.putObject("metadata").put("n", 1);
            assertEquals(400, client.post("/v1/chat/completions", notString).status());
            ObjectNode longValue = SimulatorClient.chatRequest("sim-13b", "x");
            longValue.putObject("metadata").put("v", "x".repeat(513));
            assertEquals(400, client.post("/v1/chat/completions", longValue).status());
            ObjectNode storeNotBoolean = SimulatorClient.chatRequest("sim-13b", "x");
            storeNotBoolean.put("store", "yes");
            assertEquals(
                    400, client.post("/v1/chat/completions", storeNotBoolean).status());
            assertEquals(400, client.get("/v1/chat/completions?limit=0").status());
            assertEquals(400, client.get("/v1/chat/completions?limit=101").status());
            assertEquals(400, client.get("/v1/chat/completions?order=up").status());
        }
    }

    @Test
    void aCompletionIsKeptEvenWhenItsClientGaveUpBeforeTheReply() {
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withLatencyMs(400), 0)) {
            SimulatorClient impatient = new SimulatorClient(server, Duration.ofMillis(100));
            assertThrows(
                    UncheckedIOException.class,
                    () -> impatient.post("/v1/chat/completions", stored("Name a lake.", "k9")));
            SimulatorClient client = new SimulatorClient(server);
            JsonNode found = null;
            for (int i = 0; i < 50; i++) {
                found = client.get("/v1/chat/completions?metadata%5Bjudgeforge_request%5D=k9")
                        .json();
                if (found.get("data").size() > 0) {
                    break;
                }
                sleep(50);
            }
            assertEquals(1, found.get("data").size(), "the server finished and kept what the client never read");
        }
    }

    @Test
    void aVllmServerHasNoStoredCompletions() {
        Realism vllm = Realism.OFF.withErrorDialect(ErrorDialect.VLLM);
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorSettings.defaults().withRealism(vllm), 0)) {
            SimulatorClient client = new SimulatorClient(server);
            assertEquals(
                    200,
                    client.post("/v1/chat/completions", stored("Name a river.", "k1"))
                            .status(),
                    "store and metadata are accepted and ignored");
            assertEquals(
                    405,
                    client.get("/v1/chat/completions?metadata%5Bjudgeforge_request%5D=k1")
                            .status());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
