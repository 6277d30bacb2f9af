package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ChatCompletionsTest extends SimulatorHttpTest {
    private static final String INSTRUCTION =
            "Explain how glaciers shape mountain valleys and why meltwater matters for rivers downstream.";

    @Test
    void responseHasTheOpenAiChatShape() {
        SimulatorClient.Reply reply =
                client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-gpt-4", INSTRUCTION));

        assertEquals(200, reply.status());
        JsonNode json = reply.json();
        assertTrue(
                json.get("id").asText().matches("chatcmpl-[0-9a-f]{24}"),
                json.get("id").asText());
        assertEquals("chat.completion", json.get("object").asText());
        assertTrue(json.get("created").isIntegralNumber());
        assertEquals("sim-gpt-4", json.get("model").asText());
        assertEquals(1, json.get("choices").size());
        JsonNode choice = json.get("choices").get(0);
        assertEquals(0, choice.get("index").asInt());
        assertEquals("assistant", choice.at("/message/role").asText());
        assertTrue(choice.at("/message/content").asText().length() > 20);
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals(List.of("id", "object", "created", "model", "choices", "usage"), fieldNames(json));
        assertEquals(List.of("index", "message", "finish_reason"), fieldNames(choice));
    }

    @Test
    void usageCountsTokensOfAllMessagesAndTheAnswer() {
        ObjectNode request = SimulatorClient.chatRequest("sim-72b", INSTRUCTION);
        JsonNode json = client.post("/v1/chat/completions", request).json();

        String content = json.at("/choices/0/message/content").asText();
        int promptTokens = Tokenizer.count("You are a helpful assistant.") + Tokenizer.count(INSTRUCTION);
        assertEquals(promptTokens, json.at("/usage/prompt_tokens").asInt());
        assertEquals(
                Tokenizer.count(content), json.at("/usage/completion_tokens").asInt());
        assertEquals(
                promptTokens + Tokenizer.count(content),
                json.at("/usage/total_tokens").asInt());
    }

    @Test
    void sameRequestGivesAByteIdenticalResponse() {
        ObjectNode request = SimulatorClient.chatRequest("sim-34b", INSTRUCTION);

        String first = client.post("/v1/chat/completions", request).body();
        String second = client.post("/v1/chat/completions", request).body();

        assertEquals(first, second);
    }

    @Test
    void sameSeedOnAnotherServerGivesTheSameResponseAndAnotherSeedDoesNot() {
        ObjectNode request = SimulatorClient.chatRequest("sim-34b", INSTRUCTION);
        String here = client.post("/v1/chat/completions", request).body();

        try (SimulatorServer twin = SimulatorServer.start(SimulatorSettings.defaults(), 0);
                SimulatorServer other =
                        SimulatorServer.start(SimulatorSettings.defaults().withSeed(7L), 0)) {
            assertEquals(
                    here,
                    new SimulatorClient(twin)
                            .post("/v1/chat/completions", request)
                            .body());
            JsonNode otherJson = new SimulatorClient(other)
                    .post("/v1/chat/completions", request)
                    .json();
            JsonNode hereJson = client.post("/v1/chat/completions", request).json();
            assertNotEquals(hereJson.get("id"), otherJson.get("id"));
            assertNotEquals(hereJson.get("created"), otherJson.get("created"));
        }
    }

    @Test
    void createdIsFixedPerSeedNotTheWallClock() {
        JsonNode first = client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-6b", "Say hello."))
                .json();
        JsonNode second = client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-13b", "Name a tree."))
                .json();

        assertEquals(first.get("created").asLong(), second.get("created").asLong());
        assertEquals(
                RequestFingerprint.createdTimestamp(42L), first.get("created").asLong());
    }

    @Test
    void requestSeedSelectsAnotherSample() {
        ObjectNode request = SimulatorClient.chatRequest("sim-gpt-3.5", INSTRUCTION);
        ObjectNode seeded = request.deepCopy();
        seeded.put("seed", 123);

        JsonNode plain = client.post("/v1/chat/completions", request).json();
        JsonNode withSeed = client.post("/v1/chat/completions", seeded).json();

        assertNotEquals(plain.get("id"), withSeed.get("id"));
        assertEquals(withSeed, client.post("/v1/chat/completions", seeded).json());
    }

    @Test
    void maxTokensCutsTheAnswerAndReportsLength() {
        ObjectNode full = SimulatorClient.chatRequest("sim-gpt-4", INSTRUCTION);
        String fullContent = client.post("/v1/chat/completions", full)
                .json()
                .at("/choices/0/message/content")
                .asText();
        ObjectNode limited = full.deepCopy();
        limited.put("max_tokens", 7);

        JsonNode json = client.post("/v1/chat/completions", limited).json();

        String content = json.at("/choices/0/message/content").asText();
        assertEquals("length", json.at("/choices/0/finish_reason").asText());
        assertEquals(7, Tokenizer.count(content));
        assertEquals(7, json.at("/usage/completion_tokens").asInt());
        assertTrue(fullContent.startsWith(content), "a shorter limit gives a prefix of the full answer");
    }

    @Test
    void generousMaxTokensKeepsStop() {
        ObjectNode request = SimulatorClient.chatRequest("sim-6b", INSTRUCTION);
        request.put("max_tokens", 5000);

        assertEquals(
                "stop",
                client.post("/v1/chat/completions", request)
                        .json()
                        .at("/choices/0/finish_reason")
                        .asText());
    }

    @Test
    void nGivesSeveralIndexedChoices() {
        ObjectNode request = SimulatorClient.chatRequest("sim-34b", INSTRUCTION);
        request.put("n", 3);

        JsonNode json = client.post("/v1/chat/completions", request).json();

        assertEquals(3, json.get("choices").size());
        int completionTokens = 0;
        for (int i = 0; i < 3; i++) {
            assertEquals(i, json.get("choices").get(i).get("index").asInt());
            completionTokens += Tokenizer.count(
                    json.get("choices").get(i).at("/message/content").asText());
        }
        assertEquals(completionTokens, json.at("/usage/completion_tokens").asInt());
    }

    @Test
    void contentPartsAreReadAsText() {
        String asParts =
                "{\"model\":\"sim-6b\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Name a tree.\"}]}]}";
        String asString = "{\"model\":\"sim-6b\",\"messages\":[{\"role\":\"user\",\"content\":\"Name a tree.\"}]}";

        assertEquals(
                client.post("/v1/chat/completions", asString).body(),
                client.post("/v1/chat/completions", asParts).body());
    }

    @Test
    void concurrentRequestsAreServedAndStayDeterministic() throws Exception {
        List<String> instructions = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            instructions.add("Describe the history of lighthouse number " + i + " and its keepers.");
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> parallel = new ArrayList<>();
            for (String instruction : instructions) {
                parallel.add(pool.submit(
                        () -> client.post("/v1/chat/completions", SimulatorClient.chatRequest("sim-72b", instruction))
                                .body()));
            }
            for (int i = 0; i < instructions.size(); i++) {
                String sequential = client.post(
                                "/v1/chat/completions", SimulatorClient.chatRequest("sim-72b", instructions.get(i)))
                        .body();
                assertEquals(sequential, parallel.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
