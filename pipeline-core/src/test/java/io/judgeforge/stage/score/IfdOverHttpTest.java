package io.judgeforge.stage.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.CompletionClient.ScorerCall;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.testing.Outcomes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IFD through the real client and the simulator over loopback HTTP, with and without a BOS
 * tokenizer and byte tokens, equals a reference computed from the returned logprobs alone: the
 * answer's tokens are those after the tokens of the text before the answer, counted by a request
 * of that prefix (Cherry LLM's rule), so the reference uses neither text_offset nor the alignment.
 */
class IfdOverHttpTest {
    private static final String MARKER = "### Response:";
    private static final String QUESTION = "Name the capital of France and say one thing about it.";
    private static final String ANSWER =
            "Paris (巴黎) is the capital of France 🇫🇷; its cafés line the Seine, and Zürich is not.";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void ifdWithoutBosEqualsTheReference() throws Exception {
        check(List.of());
    }

    @Test
    void ifdWithABosTokenizerAndByteTokensEqualsTheReference() throws Exception {
        check(List.of("--bos", "--byte-tokens"));
    }

    private static void check(List<String> flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--seed", "7"));
        args.addAll(flags);
        try (LocalEndpointServer sim = LocalEndpointServers.startSimulator("this test", "", args)) {
            IfdCalculator calculator = new IfdCalculator(MARKER, 2048);
            EndpointClient client = new EndpointClient(
                    "sim-ifd",
                    new Endpoint(sim.baseUrl(), "", 30_000, 4, 2),
                    ResponseStore.NONE,
                    Spending.NONE,
                    k -> null,
                    Thread::sleep);
            ScorerCall call = new ScorerCall("sim-ifd", "sim-6b");
            Judgment judgment = DifficultyScorerTest.judgment(QUESTION, ANSWER);
            ItemOutcome<IfdScore> result = new DifficultyScorer(calculator, call).score(judgment, client);
            assertEquals(ItemStatus.OUT, result.status(), Outcomes.reason(result) + ": " + Outcomes.detail(result));
            IfdScore score = result.records().get(0);

            String conditioned = calculator.conditionedText(QUESTION, ANSWER);
            String direct = calculator.directText(ANSWER);
            double conditionedLoss =
                    referenceLoss(sim, conditioned, conditioned.substring(0, conditioned.length() - ANSWER.length()));
            double directLoss = referenceLoss(sim, direct, direct.substring(0, direct.length() - ANSWER.length()));
            assertEquals(conditionedLoss, score.conditionedLoss(), 1e-9, "flags " + flags);
            assertEquals(directLoss, score.directLoss(), 1e-9, "flags " + flags);
            assertEquals(conditionedLoss / directLoss, score.ifd(), 1e-9, "flags " + flags);
        }
    }

    /** Mean NLL of the tokens of {@code text} after those of {@code prefix}, from raw echo responses. */
    private static double referenceLoss(LocalEndpointServer sim, String text, String prefix) throws Exception {
        JsonNode full = echo(sim, text);
        int promptTokens = full.at("/usage/prompt_tokens").asInt();
        int prefixTokens = echo(sim, prefix).at("/usage/prompt_tokens").asInt();
        JsonNode logprobs = full.at("/choices/0/logprobs/token_logprobs");
        assertTrue(logprobs.size() > promptTokens, "the generated token follows the prompt's");
        double sum = 0;
        for (int i = prefixTokens; i < promptTokens; i++) {
            sum += -logprobs.get(i).asDouble();
        }
        return sum / (promptTokens - prefixTokens);
    }

    private static JsonNode echo(LocalEndpointServer sim, String prompt) throws Exception {
        String body = Json.write(Map.of(
                "model", "sim-6b", "prompt", prompt, "max_tokens", 1, "temperature", 0.0, "echo", true, "logprobs", 0));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.read(r.body(), JsonNode.class);
    }
}
