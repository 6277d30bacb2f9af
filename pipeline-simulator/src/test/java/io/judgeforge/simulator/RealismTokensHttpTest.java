package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** /v1/completions with echo and logprobs as vLLM serves a BOS, byte-level BPE tokenizer, over HTTP. */
class RealismTokensHttpTest {
    private static final String PROMPT = "The quick brown fox jumps over the lazy dog.";
    /** "é" stays whole, 日 and 本 (three UTF-8 bytes) and 🎉 (four; one code point, two Java chars) are split. */
    private static final String MIXED = "Café 日本 party 🎉 done";

    @Test
    void bosComesFirstWithANullLogprobAndEveryOffsetCountsIt() {
        try (SimulatorServer server = start(Realism.OFF.withBos(true))) {
            JsonNode json = complete(server, PROMPT, 3, true);
            JsonNode logprobs = json.at("/choices/0/logprobs");
            JsonNode tokens = logprobs.get("tokens");

            assertEquals("<|begin_of_text|>", tokens.get(0).asText());
            assertTrue(logprobs.get("token_logprobs").get(0).isNull());
            assertTrue(
                    logprobs.get("token_logprobs").get(1).isNumber(),
                    "the prompt's first token has the BOS as context");
            assertEquals(0, logprobs.get("text_offset").get(0).asInt());
            assertEquals(17, logprobs.get("text_offset").get(1).asInt(), "offsets include the BOS text");
            assertRunningCodePointSums(logprobs, 0);
            String text = json.at("/choices/0/text").asText();
            assertTrue(text.startsWith(PROMPT) && !text.contains("<|begin_of_text|>"), text);
            assertEquals(
                    Tokenizer.count(PROMPT) + 1, json.at("/usage/prompt_tokens").asInt(), "the BOS is a prompt token");
            assertEquals(Tokenizer.count(PROMPT) + 1 + 3, tokens.size());
            assertTrue(logprobs.get("top_logprobs").get(0).isNull());
            assertEquals(
                    logprobs.get("token_logprobs").get(1).asDouble(),
                    logprobs.get("top_logprobs")
                            .get(1)
                            .get(tokens.get(1).asText())
                            .asDouble());
        }
    }

    @Test
    void withoutEchoVllmOffsetsStartAtZero() {
        try (SimulatorServer server = start(Realism.OFF.withBos(true))) {
            JsonNode logprobs = complete(server, PROMPT, 4, false).at("/choices/0/logprobs");

            assertEquals(4, logprobs.get("tokens").size());
            assertEquals(0, logprobs.get("text_offset").get(0).asInt());
            assertRunningCodePointSums(logprobs, 0);
        }
    }

    @Test
    void offsetsArePythonCodePointsSoAnEmojiCountsOnce() {
        try (SimulatorServer server = start(Realism.OFF.withBos(true))) {
            JsonNode logprobs = complete(server, "ok 🎉 done", 0, true).at("/choices/0/logprobs");

            // <|begin_of_text|> "ok" " 🎉" " done": the emoji's token is 2 code points, 3 Java chars.
            assertEquals(" 🎉", logprobs.get("tokens").get(2).asText());
            assertEquals(17 + 2 + 2, logprobs.get("text_offset").get(3).asInt());
            assertRunningCodePointSums(logprobs, 0);
        }
    }

    @Test
    void rareCharactersBecomeTwoToFourReplacementTokensWhileTheTextKeepsThem() {
        try (SimulatorServer server = start(Realism.OFF.withBos(true).withByteTokens(true))) {
            JsonNode json = complete(server, MIXED, 0, true);
            JsonNode tokens = json.at("/choices/0/logprobs/tokens");

            assertEquals(MIXED, json.at("/choices/0/text").asText());
            assertEquals("Café", tokens.get(1).asText(), "a two-byte character stays whole");
            int replacements = 0;
            for (JsonNode token : tokens) {
                assertTrue(!token.asText().contains("日") && !token.asText().contains("🎉"), token.asText());
                replacements += token.asText().equals("\uFFFD") ? 1 : 0;
            }
            // 日 and 本: 2-3 tokens each; 🎉: 2-4.
            assertTrue(replacements >= 6 && replacements <= 10, "replacement tokens: " + replacements);
            assertEquals(tokens.size(), json.at("/usage/prompt_tokens").asInt());
            assertRunningCodePointSums(json.at("/choices/0/logprobs"), 0);
            int last = tokens.size() - 1;
            int decodedLength =
                    json.at("/choices/0/logprobs/text_offset").get(last).asInt()
                            + WireTokenizer.length(tokens.get(last).asText())
                            - 17;
            assertNotEquals(
                    MIXED.codePointCount(0, MIXED.length()),
                    decodedLength,
                    "the decoded tokens are not the text: offsets do not point into it");
        }
    }

    @Test
    void eachRareCharacterSplitsTheSameWayEveryTime() {
        for (int codePoint : new int[] {'日', '本', 0x1F389}) {
            int pieces = WireTokenizer.byteTokenCount(codePoint);
            int bytes =
                    new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertTrue(pieces >= 2 && pieces <= bytes, codePoint + ": " + pieces);
        }
        assertEquals(1, WireTokenizer.byteTokenCount('é'));
        assertEquals(1, WireTokenizer.byteTokenCount('ж'));
    }

    @Test
    void theSameRequestGetsTheSameBytes() {
        try (SimulatorServer server = start(Realism.PROFILE)) {
            SimulatorClient client = new SimulatorClient(server);
            ObjectNode request = request(MIXED, 5, true);
            assertEquals(
                    client.post("/v1/completions", request).body(),
                    client.post("/v1/completions", request).body());
        }
    }

    @Test
    void withoutRealismTheOffsetsAreTheSimulatorsOwn() {
        try (SimulatorServer server = start(Realism.OFF)) {
            JsonNode logprobs = complete(server, PROMPT, 2, false).at("/choices/0/logprobs");
            assertEquals(
                    PROMPT.length(), logprobs.get("text_offset").get(0).asInt(), "OpenAI's: from the prompt's start");
            assertTrue(logprobs.get("top_logprobs").isNull());
        }
    }

    /** Each offset is the previous one plus the previous token's length in code points. */
    private static void assertRunningCodePointSums(JsonNode logprobs, int start) {
        JsonNode tokens = logprobs.get("tokens");
        JsonNode offsets = logprobs.get("text_offset");
        int expected = start;
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(expected, offsets.get(i).asInt(), "offset " + i);
            expected += WireTokenizer.length(tokens.get(i).asText());
        }
    }

    private static SimulatorServer start(Realism realism) {
        return SimulatorServer.start(SimulatorSettings.defaults().withRealism(realism), 0);
    }

    static ObjectNode request(String prompt, int maxTokens, boolean echo) {
        return SimulatorJson.mapper()
                .createObjectNode()
                .put("model", "sim-6b")
                .put("prompt", prompt)
                .put("max_tokens", maxTokens)
                .put("echo", echo)
                .put("logprobs", 0);
    }

    private static JsonNode complete(SimulatorServer server, String prompt, int maxTokens, boolean echo) {
        SimulatorClient.Reply reply =
                new SimulatorClient(server).post("/v1/completions", request(prompt, maxTokens, echo));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
