package io.judgeforge.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TextCompletionsTest extends SimulatorHttpTest {
    private static final String PROMPT = "The quick brown fox jumps over the lazy dog. The dog sleeps.";

    @Test
    void echoWithLogprobsCoversThePromptThenTheGeneratedTokens() {
        JsonNode json = complete(PROMPT, 5, true, 0);

        assertTrue(json.get("id").asText().startsWith("cmpl-"));
        assertEquals("text_completion", json.get("object").asText());
        assertEquals("sim-6b", json.get("model").asText());
        JsonNode choice = json.at("/choices/0");
        String text = choice.get("text").asText();
        assertTrue(text.startsWith(PROMPT));
        assertEquals("length", choice.get("finish_reason").asText());

        JsonNode logprobs = choice.get("logprobs");
        int promptTokens = Tokenizer.count(PROMPT);
        assertEquals(promptTokens + 5, logprobs.get("tokens").size());
        assertEquals(text, concatenated(logprobs.get("tokens")));
        assertTrue(logprobs.get("token_logprobs").get(0).isNull(), "the first prompt token has no logprob");
        for (int i = 1; i < logprobs.get("token_logprobs").size(); i++) {
            double value = logprobs.get("token_logprobs").get(i).asDouble();
            assertTrue(value < 0 && value >= -6.5, "logprob " + i + " = " + value);
        }
        assertOffsetsPointIntoText(text, logprobs);
        assertTrue(logprobs.has("top_logprobs") && logprobs.get("top_logprobs").isNull());
        assertEquals(promptTokens, json.at("/usage/prompt_tokens").asInt());
        assertEquals(5, json.at("/usage/completion_tokens").asInt());
        assertEquals(promptTokens + 5, json.at("/usage/total_tokens").asInt());
    }

    @Test
    void maxTokensZeroWithEchoScoresJustThePrompt() {
        JsonNode json = complete(PROMPT, 0, true, 1);

        JsonNode choice = json.at("/choices/0");
        assertEquals(PROMPT, choice.get("text").asText());
        assertEquals(Tokenizer.count(PROMPT), choice.at("/logprobs/tokens").size());
        assertEquals(PROMPT, concatenated(choice.at("/logprobs/tokens")));
        assertEquals(0, json.at("/usage/completion_tokens").asInt());
        // " dog" and " The" occur twice: their second occurrences are cheap.
        JsonNode tokens = choice.at("/logprobs/tokens");
        JsonNode values = choice.at("/logprobs/token_logprobs");
        int lastDog = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).asText().equals(" dog")) {
                lastDog = i;
            }
        }
        assertTrue(values.get(lastDog).asDouble() > -1.0, "repeated word: " + values.get(lastDog));
    }

    @Test
    void withoutEchoOnlyGeneratedTokensAreReturned() {
        JsonNode json = complete(PROMPT, 6, false, 0);

        JsonNode choice = json.at("/choices/0");
        String text = choice.get("text").asText();
        JsonNode logprobs = choice.get("logprobs");
        assertEquals(6, logprobs.get("tokens").size());
        assertEquals(6, Tokenizer.count(text));
        assertEquals(text, concatenated(logprobs.get("tokens")));
        assertTrue(logprobs.get("token_logprobs").get(0).isNumber(), "a generated token has context");
        // As on OpenAI, offsets count from the start of the prompt.
        assertOffsetsPointIntoText(PROMPT + text, logprobs);
        assertEquals(PROMPT.length(), logprobs.get("text_offset").get(0).asInt());
    }

    @Test
    void maxTokensZeroWithoutEchoGeneratesNothing() {
        JsonNode choice = complete(PROMPT, 0, false, 0).at("/choices/0");

        assertEquals("", choice.get("text").asText());
        assertEquals(0, choice.at("/logprobs/tokens").size());
    }

    @Test
    void logprobsAbsentGivesNull() {
        ObjectNode request = SimulatorJson.mapper()
                .createObjectNode()
                .put("model", "sim-6b")
                .put("prompt", PROMPT)
                .put("max_tokens", 3);

        JsonNode choice = client.post("/v1/completions", request).json().at("/choices/0");

        assertTrue(choice.has("logprobs") && choice.get("logprobs").isNull());
        assertEquals(3, Tokenizer.count(choice.get("text").asText()));
    }

    @Test
    void generationIsDeterministicAndLongerLimitsExtendIt() {
        String first =
                client.post("/v1/completions", request(PROMPT, 12, false, 0)).body();
        String second =
                client.post("/v1/completions", request(PROMPT, 12, false, 0)).body();
        assertEquals(first, second);

        String shortText =
                complete(PROMPT, 4, false, null).at("/choices/0/text").asText();
        String longText =
                complete(PROMPT, 12, false, null).at("/choices/0/text").asText();
        assertTrue(longText.startsWith(shortText));
    }

    @Test
    void anAnswerIsCheaperAfterAnInstructionThatSharesItsWords() {
        String instruction = "Explain why coral reefs bleach when ocean temperatures rise.\n";
        String answer = "Coral reefs bleach because warm ocean temperatures stress the coral, which expels its algae.";

        double conditional = meanNll(instruction + answer, Tokenizer.count(instruction.strip()));
        double unconditional = meanNll(answer, 0);

        assertTrue(conditional / unconditional < 1.0, "IFD = " + conditional / unconditional);
    }

    /** Mean negative log-likelihood of the tokens from {@code from} on, skipping the null first one. */
    private static double meanNll(String text, int from) {
        JsonNode values = complete(text, 0, true, 0).at("/choices/0/logprobs/token_logprobs");
        double sum = 0;
        int count = 0;
        for (int i = Math.max(1, from); i < values.size(); i++) {
            sum -= values.get(i).asDouble();
            count++;
        }
        return sum / count;
    }

    private static JsonNode complete(String prompt, int maxTokens, boolean echo, Integer logprobs) {
        SimulatorClient.Reply reply = client.post("/v1/completions", request(prompt, maxTokens, echo, logprobs));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static ObjectNode request(String prompt, int maxTokens, boolean echo, Integer logprobs) {
        ObjectNode request = SimulatorJson.mapper().createObjectNode();
        request.put("model", "sim-6b");
        request.put("prompt", prompt);
        request.put("max_tokens", maxTokens);
        request.put("echo", echo);
        if (logprobs == null) {
            request.putNull("logprobs");
        } else {
            request.put("logprobs", logprobs);
        }
        return request;
    }

    private static String concatenated(JsonNode tokens) {
        StringBuilder text = new StringBuilder();
        tokens.forEach(token -> text.append(token.asText()));
        return text.toString();
    }

    private static void assertOffsetsPointIntoText(String text, JsonNode logprobs) {
        JsonNode tokens = logprobs.get("tokens");
        JsonNode offsets = logprobs.get("text_offset");
        assertEquals(tokens.size(), offsets.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).asText();
            int offset = offsets.get(i).asInt();
            assertEquals(token, text.substring(offset, offset + token.length()), "token " + i);
        }
    }
}
