package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Chat replies with refusals, content filtering, reasoning models and usage details, over HTTP. */
class RealismChatHttpTest {
    private static final String CHAT = "/v1/chat/completions";

    @Test
    void aRefusalHasNullContentAndTheRefusalText() {
        try (SimulatorServer server = start(Realism.OFF.withRefusalRate(1))) {
            JsonNode choice = chat(server, SimulatorClient.chatRequest("sim-gpt-4", "Explain tides."))
                    .at("/choices/0");

            assertTrue(choice.at("/message/content").isNull(), "content is an explicit null");
            assertEquals(
                    "I'm sorry, I can't help with that.",
                    choice.at("/message/refusal").asText());
            assertEquals("stop", choice.get("finish_reason").asText());
        }
    }

    @Test
    void refusalsFallOnAShareOfChoicesAndTheSameRequestIsRefusedAlike() {
        try (SimulatorServer server = start(Realism.OFF.withRefusalRate(0.5))) {
            ObjectNode request =
                    SimulatorClient.chatRequest("sim-gpt-4", "Explain tides.").put("n", 16);
            JsonNode json = chat(server, request);
            int refused = 0;
            for (JsonNode choice : json.get("choices")) {
                JsonNode message = choice.get("message");
                assertTrue(message.has("refusal"), "every message has the field where refusals can happen");
                if (message.get("content").isNull()) {
                    refused++;
                } else {
                    assertTrue(message.get("refusal").isNull());
                }
            }
            assertTrue(refused > 0 && refused < 16, "refused " + refused + " of 16");
            assertEquals(SimulatorJson.write(json), SimulatorJson.write(chat(server, request)));
        }
    }

    @Test
    void aFilteredChoiceHasNoContentAndAzuresFilterResults() {
        try (SimulatorServer server = start(Realism.OFF.withContentFilterRate(1))) {
            JsonNode choice = chat(server, SimulatorClient.chatRequest("sim-gpt-4", "Write a story."))
                    .at("/choices/0");

            assertEquals("content_filter", choice.get("finish_reason").asText());
            assertFalse(choice.get("message").has("content"), "Azure leaves content out");
            JsonNode results = choice.get("content_filter_results");
            int filtered = 0;
            for (String category : new String[] {"hate", "self_harm", "sexual", "violence"}) {
                filtered += results.at("/" + category + "/filtered").asBoolean() ? 1 : 0;
                assertTrue(results.at("/" + category + "/severity").isTextual());
            }
            assertEquals(1, filtered);
        }
    }

    @Test
    void reasoningModelsRejectMaxTokensInOpenAisExactWords() {
        try (SimulatorServer server = start(Realism.OFF.withReasoningPrefix("sim-o"))) {
            SimulatorClient.Reply reply = new SimulatorClient(server)
                    .post(
                            CHAT,
                            SimulatorClient.chatRequest("sim-o3", "Explain tides.")
                                    .put("max_tokens", 50));

            assertEquals(400, reply.status());
            assertEquals(
                    "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens' is not supported with this model. Use"
                            + " 'max_completion_tokens' instead.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\","
                            + "\"code\":\"unsupported_parameter\"}}",
                    reply.body());
        }
    }

    @Test
    void reasoningModelsAcceptOnlyTheDefaultTemperature() {
        try (SimulatorServer server = start(Realism.OFF.withReasoningPrefix("sim-o"))) {
            SimulatorClient client = new SimulatorClient(server);
            SimulatorClient.Reply cold = client.post(
                    CHAT, SimulatorClient.chatRequest("sim-o3", "Hi.").put("temperature", 0.2));

            assertEquals(400, cold.status());
            assertEquals("unsupported_value", cold.json().at("/error/code").asText());
            assertEquals("temperature", cold.json().at("/error/param").asText());
            assertEquals(
                    "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is"
                            + " supported.",
                    cold.json().at("/error/message").asText());
            assertEquals(
                    200,
                    client.post(
                                    CHAT,
                                    SimulatorClient.chatRequest("sim-o3", "Hi.").put("temperature", 1))
                            .status());
            assertEquals(
                    200,
                    client.post(
                                    CHAT,
                                    SimulatorClient.chatRequest("sim-gpt-4", "Hi.")
                                            .put("temperature", 0.2))
                            .status(),
                    "other models take any temperature");
        }
    }

    @Test
    void reasoningModelsThinkFirstAndASmallLimitCanEndBeforeAnyAnswer() {
        try (SimulatorServer server = start(Realism.OFF.withReasoningPrefix("sim-o"))) {
            int unanswered = 0;
            int answered = 0;
            for (int i = 0; i < 20; i++) {
                ObjectNode request = SimulatorClient.chatRequest("sim-o3", "Give advice number " + i + " on sleep.")
                        .put("max_completion_tokens", 60);
                JsonNode json = chat(server, request);
                JsonNode message = json.at("/choices/0/message");
                int reasoningTokens = json.at("/usage/completion_tokens_details/reasoning_tokens")
                        .asInt();
                assertTrue(reasoningTokens > 0 && reasoningTokens <= 60, "reasoning tokens " + reasoningTokens);
                assertEquals(
                        reasoningTokens,
                        Tokenizer.count(message.get("reasoning_content").asText()));
                assertTrue(json.at("/usage/completion_tokens").asInt() <= 60);
                if (message.get("content").isNull()) {
                    unanswered++;
                    assertEquals("length", json.at("/choices/0/finish_reason").asText());
                    assertEquals(
                            reasoningTokens, json.at("/usage/completion_tokens").asInt());
                } else {
                    answered++;
                    assertEquals(
                            reasoningTokens
                                    + Tokenizer.count(message.get("content").asText()),
                            json.at("/usage/completion_tokens").asInt());
                }
            }
            assertTrue(unanswered > 0 && answered > 0, unanswered + " unanswered, " + answered + " answered");
        }
    }

    @Test
    void reasoningModelsAreChatModelsOnly() {
        try (SimulatorServer server = start(Realism.OFF.withReasoningPrefix("sim-o"))) {
            SimulatorClient.Reply reply = new SimulatorClient(server)
                    .post(
                            "/v1/completions",
                            SimulatorJson.mapper()
                                    .createObjectNode()
                                    .put("model", "sim-o4-mini")
                                    .put("prompt", "Hi"));
            assertEquals(404, reply.status());
            assertTrue(reply.json().at("/error/message").asText().startsWith("This is a chat model"));
        }
    }

    @Test
    void realismAddsReasoningModelsToThoseServed() {
        SimulatorSettings settings = SimulatorSettings.defaults().withRealism(Realism.PROFILE);
        assertEquals(0.9, settings.models().get("sim-o3"));
        assertEquals(0.75, settings.models().get("sim-o4-mini"));
        assertEquals(
                SimulatorSettings.defaults().models(),
                SimulatorSettings.defaults().withRealism(Realism.OFF).models());
    }

    @Test
    void usageDetailsComeWithEveryReplyAndCachedTokensOnceALongPrefixWasSeen() {
        try (SimulatorServer server = start(Realism.OFF.withUsageDetails(true))) {
            JsonNode shortReply = chat(server, SimulatorClient.chatRequest("sim-6b", "Hi."));
            assertEquals(
                    0,
                    shortReply.at("/usage/prompt_tokens_details/cached_tokens").asInt());
            assertEquals(
                    0,
                    shortReply
                            .at("/usage/completion_tokens_details/reasoning_tokens")
                            .asInt());

            String document = "word ".repeat(1300);
            JsonNode first = chat(server, SimulatorClient.chatRequest("sim-6b", document + "First question?"));
            JsonNode second = chat(server, SimulatorClient.chatRequest("sim-6b", document + "Another question?"));
            assertEquals(
                    0, first.at("/usage/prompt_tokens_details/cached_tokens").asInt(), "nothing seen before");
            int cached = second.at("/usage/prompt_tokens_details/cached_tokens").asInt();
            assertTrue(
                    cached >= 1024
                            && cached % 128 == 0
                            && cached <= second.at("/usage/prompt_tokens").asInt(),
                    "cached " + cached);
            JsonNode otherModel = chat(server, SimulatorClient.chatRequest("sim-13b", document + "Another question?"));
            assertEquals(
                    0,
                    otherModel.at("/usage/prompt_tokens_details/cached_tokens").asInt(),
                    "caches are per model");
        }
    }

    @Test
    void withoutRealismChatRepliesKeepTheirFields() {
        try (SimulatorServer server = start(Realism.OFF)) {
            JsonNode json = chat(server, SimulatorClient.chatRequest("sim-6b", "Hi."));
            assertFalse(json.get("usage").has("prompt_tokens_details"));
            assertFalse(json.at("/choices/0/message").has("refusal"));
        }
    }

    private static SimulatorServer start(Realism realism) {
        return SimulatorServer.start(SimulatorSettings.defaults().withRealism(realism), 0);
    }

    private static JsonNode chat(SimulatorServer server, ObjectNode request) {
        SimulatorClient.Reply reply = new SimulatorClient(server).post(CHAT, request);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
