package io.judgeforge.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.CompletionClient.ScorerCall;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.ScriptedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code # tested:} YAML block of docs/endpoints.md binds with the bundled defaults, and its
 * endpoints, pointed at a loopback server, send what that provider expects: the URL shape, the key
 * in the right header, the extra headers and the right parameters.
 */
class EndpointsDocTest {
    private static final String OK_CHAT = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    private static final String OK_COMPLETION = "{\"choices\":[{\"text\":\"a\",\"logprobs\":{\"tokens\":[\"a\"],"
            + "\"token_logprobs\":[null],\"text_offset\":[0]}}],\"usage\":{\"prompt_tokens\":1}}";
    private static final Map<String, String> KEYS = Map.of(
            "OPENAI_API_KEY",
            "sk-openai-test",
            "AZURE_OPENAI_API_KEY",
            "azure-test",
            "OPENROUTER_API_KEY",
            "sk-or-test",
            "LITELLM_API_KEY",
            "sk-litellm-test");

    static Map<String, String> blocks() throws IOException {
        String doc = Files.readString(Path.of("../docs/endpoints.md"));
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("```yaml\\n# tested: (\\S+)\\n(.*?)```", Pattern.DOTALL)
                .matcher(doc);
        while (m.find()) {
            blocks.put(m.group(1), m.group(2));
        }
        return blocks;
    }

    /** What one request looked like on the wire. */
    record Sent(String target, Map<String, String> headers, JsonNode body) {}

    static Sent send(PipelineConfig config, String name, String model, boolean completion) {
        Endpoint configured = config.endpoint(name);
        try (ScriptedEndpoint server = new ScriptedEndpoint()) {
            server.reply(200, completion ? OK_COMPLETION : OK_CHAT, Map.of());
            // Same path under a loopback host: the URL shape stays the block's.
            String path = URI.create(configured.baseUrl()).getPath();
            Endpoint local = configured.withBaseUrl(server.baseUrl().replace("/v1", "") + path);
            EndpointClient client = server.client(local, KEYS);
            CallOutcome outcome = completion
                    ? client.promptLogprobs(new ScorerCall(name, model), "### Response:\nParis.")
                            .outcome()
                    : client.chat(new ModelCall(name, model, 0.0, 64), List.of(ChatMessage.user("hello")), "t@1")
                            .outcome();
            assertEquals(CallOutcome.OK, outcome, name);
            return new Sent(
                    server.targets.get(0), server.headers.get(0), Json.read(server.bodies.get(0), JsonNode.class));
        }
    }

    static PipelineConfig bind(String yaml) {
        // The blocks are the endpoint part of a run config; the pool (and a scorer where the block has
        // none) come from the rest of the user's file, as in conf/local.yaml.
        List<String> overrides = new ArrayList<>();
        String teacher = yaml.replaceAll("(?s).*teacher: \\{endpoint: (\\S+?),.*", "$1");
        overrides.add(
                "respond.pool=[{name: a, endpoint: " + teacher + ", model: m, temperature: 0.7, max-tokens: 512}]");
        if (!yaml.contains("\nscore:")) {
            overrides.add("score.endpoint=" + teacher);
            overrides.add("score.model=m");
        }
        return ConfigLoader.bind(ConfigLoader.tree(yaml, overrides), Map.of());
    }

    @Test
    void everyProviderOfThePageHasATestedBlock() throws IOException {
        assertEquals(List.of("openai", "azure", "vllm", "openrouter", "litellm"), new ArrayList<>(blocks().keySet()));
    }

    @Test
    void openAiSendsABearerKeyAndReasoningModelsTheirOwnParameters() throws IOException {
        PipelineConfig config = bind(blocks().get("openai"));
        Sent chat = send(config, "openai", config.teacher().model(), false);
        assertEquals("/v1/chat/completions", chat.target());
        assertEquals("Bearer sk-openai-test", chat.headers().get("authorization"));
        assertTrue(
                chat.body().has("max_tokens") && chat.body().has("temperature"),
                chat.body().toString());

        Sent reasoning = send(config, "openai-reasoning", "o4-mini", false);
        assertTrue(
                reasoning.body().has("max_completion_tokens"), reasoning.body().toString());
        assertFalse(
                reasoning.body().has("max_tokens") || reasoning.body().has("temperature"),
                reasoning.body().toString());
        assertEquals(1.25, config.prices().get("gpt-4o").cachedInput());
    }

    @Test
    void azureUsesDeploymentUrlsTheApiVersionAndTheApiKeyHeader() throws IOException {
        PipelineConfig config = bind(blocks().get("azure"));
        Sent chat = send(config, "azure", config.teacher().model(), false);
        assertEquals("/openai/deployments/my-gpt-4o-deployment/chat/completions?api-version=2024-10-21", chat.target());
        assertEquals("azure-test", chat.headers().get("api-key"));
        assertFalse(chat.headers().containsKey("authorization"));
    }

    @Test
    void vllmTeacherAndScorerNeedNoKey() throws IOException {
        PipelineConfig config = bind(blocks().get("vllm"));
        Sent chat = send(config, "vllm-teacher", config.teacher().model(), false);
        assertEquals("/v1/chat/completions", chat.target());
        assertFalse(chat.headers().containsKey("authorization"));
        Sent score = send(config, config.score().endpoint(), config.score().model(), true);
        assertEquals("/v1/completions", score.target());
        assertTrue(
                score.body().path("echo").asBoolean()
                        && score.body().path("logprobs").asInt() == 0,
                score.body().toString());
        assertEquals(1, score.body().path("max_tokens").asInt());
    }

    @Test
    void gatewaysGetTheirHeadersAndPath() throws IOException {
        PipelineConfig openRouter = bind(blocks().get("openrouter"));
        Sent chat = send(openRouter, "openrouter", openRouter.teacher().model(), false);
        assertEquals("/api/v1/chat/completions", chat.target());
        assertEquals("Bearer sk-or-test", chat.headers().get("authorization"));
        assertEquals("https://example.org/judgeforge", chat.headers().get("http-referer"));
        assertEquals("Judgeforge", chat.headers().get("x-title"));
        assertTrue(
                chat.headers().get("user-agent").startsWith("judgeforge/"),
                chat.headers().toString());

        PipelineConfig liteLlm = bind(blocks().get("litellm"));
        Sent proxied = send(liteLlm, "litellm", liteLlm.teacher().model(), false);
        assertEquals("/v1/chat/completions", proxied.target());
        assertEquals("Bearer sk-litellm-test", proxied.headers().get("authorization"));
    }
}
