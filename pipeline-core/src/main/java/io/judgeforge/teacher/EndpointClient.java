package io.judgeforge.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.call.BudgetedCaller;
import io.judgeforge.teacher.call.CallEvents;
import io.judgeforge.teacher.call.Caller;
import io.judgeforge.teacher.call.InFlightRecovery;
import io.judgeforge.teacher.call.Reply;
import io.judgeforge.teacher.call.RetryingCaller;
import io.judgeforge.teacher.call.Sleeper;
import io.judgeforge.teacher.call.StoredCaller;
import io.judgeforge.teacher.call.WireRequest;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.http.OkHttpTransport;
import io.judgeforge.teacher.http.ReplyShape;
import io.judgeforge.teacher.recover.StoredCompletionRecovery;
import io.judgeforge.teacher.store.ResponseStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The client of one named OpenAI-compatible endpoint: typed requests in, typed results out, over
 * a stack of callers (response store, budget, retries with the endpoint's limits, one HTTP
 * transport). It builds the request body the endpoint wants (max_tokens or max_completion_tokens,
 * temperature or none) and reads the reply; the API key is read once from the environment
 * variable the config names and is never logged or returned.
 */
public final class EndpointClient implements ChatClient, CompletionClient {
    private final String name;
    private final Endpoint endpoint;
    private final Caller caller;

    public EndpointClient(
            String name,
            Endpoint endpoint,
            ResponseStore store,
            Spending spending,
            Function<String, String> environment,
            Sleeper sleeper) {
        this(name, endpoint, store, spending, environment, sleeper, CallEvents.NONE);
    }

    /** {@code events} hears of every attempt put on the wire, for the live progress line. */
    public EndpointClient(
            String name,
            Endpoint endpoint,
            ResponseStore store,
            Spending spending,
            Function<String, String> environment,
            Sleeper sleeper,
            CallEvents events) {
        this.name = name;
        this.endpoint = endpoint;
        OkHttpTransport transport = new OkHttpTransport(endpoint, apiKey(endpoint, environment));
        // The rates are held where the budget is: in this JVM, or by the driver for a whole cluster.
        // A live rival holding the claim is waited for as long as all its attempts and waits can take.
        long lease = (long) endpoint.maxAttempts() * (endpoint.timeoutMs() + endpoint.maxWaitMs() + 8_000) + 60_000;
        this.caller = new StoredCaller(
                new BudgetedCaller(
                        new RetryingCaller(transport, name, endpoint, spending.limits(), sleeper, events),
                        spending,
                        lease),
                store,
                lease,
                sleeper,
                recoversStoredCompletions() ? new StoredCompletionRecovery(transport, name) : InFlightRecovery.NONE);
    }

    /**
     * A client that sends nothing itself: its requests, built exactly as above (so with the same
     * keys), go to {@code caller}, e.g. one that answers from the store and defers the rest to a batch.
     */
    public EndpointClient(String name, Endpoint endpoint, Caller caller) {
        this.name = name;
        this.endpoint = endpoint;
        this.caller = caller;
    }

    private boolean recoversStoredCompletions() {
        return Endpoint.RECOVER_STORED_COMPLETIONS.equals(endpoint.recoverInFlight());
    }

    public static EndpointClient forEndpoint(String name, Endpoint endpoint, ResponseStore store, Spending spending) {
        return new EndpointClient(name, endpoint, store, spending, System::getenv, Thread::sleep);
    }

    /** The endpoint's key from {@code environment}, checked; null when the endpoint names no variable. */
    public static String apiKey(Endpoint endpoint, Function<String, String> environment) {
        if (endpoint.apiKeyEnv().isEmpty()) {
            return null;
        }
        String key = environment.apply(endpoint.apiKeyEnv());
        if (key == null || key.isBlank()) {
            throw new ConfigException("The environment variable '" + endpoint.apiKeyEnv()
                    + "' named by an endpoint's api-key-env is not set");
        }
        key = key.strip();
        // A stray CR or LF (an env file saved on Windows) would make OkHttp throw with the header's
        // value, key included, in its message: refuse it here, naming only the variable.
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("The environment variable '" + endpoint.apiKeyEnv()
                    + "' holds a key with spaces, control or non-ASCII characters inside it; the value is not shown");
        }
        return key;
    }

    @Override
    public ChatResult chat(ModelCall call, List<ChatMessage> messages, String templateVersion) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", call.model());
        ArrayNode msgs = body.putArray("messages");
        for (ChatMessage m : messages) {
            msgs.addObject().put("role", m.role()).put("content", m.content());
        }
        if (endpoint.sendTemperature()) {
            body.put("temperature", call.temperature());
        }
        body.put(endpoint.maxTokensParam(), call.maxTokens());
        if (call.seed() != null) {
            body.put("seed", call.seed());
        }
        WireRequest request = WireRequest.of(
                name,
                "/chat/completions",
                call.model(),
                Json.write(body),
                templateVersion,
                call.maxTokens(),
                ReplyShape.CHAT);
        if (recoversStoredCompletions()) {
            // The key stays that of the body without the marks, so turning recovery on or off keeps the store's
            // answers.
            request = request.withBody(StoredCompletionRecovery.marked(body, request.key()));
        }
        Reply r = send(request);
        JsonNode choice = r.json() == null ? null : r.json().path("choices").path(0);
        String content = r.ok() ? choice.path("message").path("content").asText() : null;
        String finish = choice == null ? null : choice.path("finish_reason").asText("");
        return new ChatResult(
                r.outcome(),
                content,
                finish,
                r.attempts(),
                r.latencyMs(),
                r.usage().promptTokens(),
                r.usage().completionTokens(),
                r.error(),
                r.key(),
                r.stored(),
                r.costUsd(),
                r.usage().cachedTokens(),
                r.usage().reasoningTokens());
    }

    /**
     * Log-probabilities of every token of {@code prompt}, by a completions request with {@code echo}
     * and {@code logprobs}. One token is generated, because some servers refuse {@code max_tokens: 0};
     * callers use only the prompt's tokens ({@link LogprobResult#promptTokens()} of them).
     */
    @Override
    public LogprobResult promptLogprobs(ScorerCall call, String prompt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", call.model());
        body.put("prompt", prompt);
        body.put("max_tokens", 1);
        if (endpoint.sendTemperature()) {
            body.put("temperature", 0.0);
        }
        body.put("echo", true);
        body.put("logprobs", 0);
        Reply r = send(
                WireRequest.of(name, "/completions", call.model(), Json.write(body), "", 1, ReplyShape.COMPLETION));
        if (!r.ok()) {
            return new LogprobResult(
                    r.outcome(),
                    null,
                    null,
                    null,
                    r.attempts(),
                    r.latencyMs(),
                    r.usage().promptTokens(),
                    r.error(),
                    r.stored(),
                    r.costUsd());
        }
        JsonNode lp = r.json().path("choices").path(0).path("logprobs");
        List<String> tokens = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        JsonNode offsetNode = lp.path("text_offset");
        for (int i = 0; i < lp.path("tokens").size(); i++) {
            tokens.add(lp.path("tokens").get(i).asText());
            JsonNode value = lp.path("token_logprobs").get(i);
            logprobs.add(value.isNumber() ? value.asDouble() : null);
            offsets.add(
                    offsetNode.isArray() && i < offsetNode.size()
                            ? offsetNode.get(i).asInt()
                            : -1);
        }
        return new LogprobResult(
                CallOutcome.OK,
                tokens,
                logprobs,
                offsets,
                r.attempts(),
                r.latencyMs(),
                r.json().path("usage").path("prompt_tokens").asLong(0),
                null,
                r.stored(),
                r.costUsd());
    }

    private Reply send(WireRequest request) {
        Reply reply = caller.call(request);
        if (reply.outcome().fatal()) {
            throw new FatalEndpointException(reply.outcome(), name, request.model(), reply.error());
        }
        return reply;
    }
}
