package io.judgeforge.teacher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.CompletionClient.ScorerCall;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.FatalEndpointException;
import io.judgeforge.teacher.LogprobResult;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.ScriptedEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded real-format reply under {@code wire-fixtures/} (bodies written from the public
 * API specs of OpenAI, Azure OpenAI, vLLM, OpenRouter and LiteLLM; see its README), served over
 * loopback HTTP to the real client: one test per fixture, checking the outcome, whether it was
 * retried, whether it stopped the run, the wait it asked for, and what was read from the body.
 */
class WireFixturesTest {
    private static final String OK_AFTER_RETRY =
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";
    private static final String OK_COMPLETION = "{\"choices\":[{\"text\":\"a\",\"logprobs\":{\"tokens\":[\"a\"],"
            + "\"token_logprobs\":[null],\"text_offset\":[0]}}],\"usage\":{\"prompt_tokens\":1}}";

    @TestFactory
    Stream<DynamicTest> everyFixtureMapsToItsOutcome() throws IOException {
        List<String> names = fixtureNames();
        assertTrue(names.size() >= 40, "fixtures found: " + names.size());
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name, read(name))));
    }

    private static void check(String name, JsonNode fixture) {
        JsonNode expect = fixture.path("expect");
        CallOutcome outcome =
                CallOutcome.valueOf(expect.path("outcome").asText().toUpperCase());
        boolean completion = fixture.path("call").asText().equals("completion");
        try (ScriptedEndpoint server = new ScriptedEndpoint()) {
            server.reply(fixture.path("status").asInt(), body(fixture), headers(fixture, expect));
            server.reply(200, completion ? OK_COMPLETION : OK_AFTER_RETRY, Map.of());
            // Two attempts, and waits as long as the server asks (the sleeper only records them).
            Endpoint endpoint = new Endpoint(
                    server.baseUrl(),
                    "",
                    5_000,
                    4,
                    2,
                    0,
                    0,
                    50,
                    0.9,
                    60_000,
                    Endpoint.URL_OPENAI,
                    "authorization",
                    Map.of(),
                    Map.of(),
                    Endpoint.MAX_TOKENS,
                    true,
                    400L * 86_400_000,
                    5,
                    Endpoint.RECOVER_NONE);
            EndpointClient client = server.client(endpoint, Map.of());
            String model = "fixture-" + name;
            if (expect.path("fatal").asBoolean()) {
                FatalEndpointException e =
                        assertThrows(FatalEndpointException.class, () -> call(client, completion, model));
                assertEquals(outcome, e.outcome(), name);
                assertEquals(1, server.requests(), name + ": a fatal answer is never retried");
                assertThrows(FatalEndpointException.class, () -> call(client, completion, model));
                assertEquals(1, server.requests(), name + ": and no later request is sent");
                return;
            }
            Result r = call(client, completion, model);
            if (expect.path("retryable").asBoolean()) {
                assertEquals(CallOutcome.OK, r.outcome, name + ": retried, then served: " + r.error);
                assertEquals(2, server.requests(), name);
                if (expect.has("wait_ms")) {
                    long asked = expect.path("wait_ms").asLong();
                    long slept =
                            server.sleeps.stream().mapToLong(Long::longValue).sum();
                    assertTrue(
                            slept >= asked - 1_500 && slept <= asked + 600,
                            name + ": asked " + asked + " ms, slept " + server.sleeps);
                }
                return;
            }
            assertEquals(outcome, r.outcome, name + ": " + r.error);
            assertEquals(1, server.requests(), name + ": not retried");
            if (outcome == CallOutcome.OK) {
                checkOk(name, expect, r);
            }
        }
    }

    private record Result(CallOutcome outcome, String error, ChatResult chat, LogprobResult logprobs) {}

    private static Result call(EndpointClient client, boolean completion, String model) {
        if (completion) {
            LogprobResult r = client.promptLogprobs(new ScorerCall("e", model), "prompt");
            return new Result(r.outcome(), r.error(), null, r);
        }
        ChatResult r = client.chat(new ModelCall("e", model, 0.0, 64), List.of(ChatMessage.user("hello")), "t@1");
        return new Result(r.outcome(), r.error(), r, null);
    }

    private static void checkOk(String name, JsonNode expect, Result r) {
        if (r.chat != null) {
            if (expect.has("content")) {
                assertEquals(expect.path("content").asText(), r.chat.content(), name);
            }
            if (expect.has("prompt_tokens")) {
                assertEquals(expect.path("prompt_tokens").asLong(), r.chat.promptTokens(), name);
                assertEquals(expect.path("completion_tokens").asLong(), r.chat.completionTokens(), name);
            }
            assertEquals(expect.path("cached_tokens").asLong(0), r.chat.cachedTokens(), name);
            assertEquals(expect.path("reasoning_tokens").asLong(0), r.chat.reasoningTokens(), name);
        } else {
            assertFalse(r.logprobs.tokens().isEmpty(), name);
            assertEquals(r.logprobs.tokens().size(), r.logprobs.tokenLogprobs().size(), name);
            if (expect.has("prompt_token_count")) {
                assertEquals(expect.path("prompt_token_count").asLong(), r.logprobs.promptTokens(), name);
            }
        }
    }

    private static String body(JsonNode fixture) {
        return fixture.has("body_text") ? fixture.path("body_text").asText() : Json.write(fixture.path("body"));
    }

    // An HTTP-date Retry-After is re-dated to the same distance from this test's "now".
    private static Map<String, String> headers(JsonNode fixture, JsonNode expect) {
        Map<String, String> headers = new HashMap<>();
        fixture.path("headers")
                .fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        if (expect.has("now") && headers.containsKey("retry-after")) {
            ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC)
                    .plusNanos(expect.path("wait_ms").asLong() * 1_000_000L);
            headers.put("retry-after", DateTimeFormatter.RFC_1123_DATE_TIME.format(at));
        }
        return headers;
    }

    private static List<String> fixtureNames() throws IOException {
        try (InputStream in = WireFixturesTest.class.getResourceAsStream("/wire-fixtures/README.md")) {
            String readme = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("`([a-z0-9-]+\\.json)`").matcher(readme);
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
            return names;
        }
    }

    static JsonNode read(String name) {
        try (InputStream in = WireFixturesTest.class.getResourceAsStream("/wire-fixtures/" + name)) {
            if (in == null) {
                throw new AssertionError("the README lists " + name + " but there is no such fixture");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
