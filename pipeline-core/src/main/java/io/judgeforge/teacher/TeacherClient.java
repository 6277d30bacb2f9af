package io.judgeforge.teacher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.limit.EndpointLimits;
import io.judgeforge.teacher.limit.RateLimitHeaders;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Calls one OpenAI-compatible endpoint. Failures are returned as outcomes, never thrown: a stage
 * turns a failed outcome into a quarantine row with its reason. The API key is read from the
 * environment variable the config names and is never logged or returned.
 *
 * <p>Every request has a key: a hash of the endpoint's name, the path, the request body and the
 * template version. A response already in the {@link ResponseStore} under that key is used without
 * a call; a new response is stored before it is returned. Identical requests in flight at once in
 * one JVM share one call, and a claim in the store keeps two attempts of one Spark task from both
 * paying for it.
 */
public final class TeacherClient {
  private static final MediaType JSON = MediaType.get("application/json");
  // One OkHttp client (connection pool, dispatcher) per endpoint per JVM, shared by all Spark tasks.
  private static final Map<Endpoint, OkHttpClient> HTTP = new ConcurrentHashMap<>();
  // Requests being made right now in this JVM, by key: a second identical request waits for the first.
  private static final Map<String, CompletableFuture<Exchange>> IN_FLIGHT = new ConcurrentHashMap<>();
  private static final long CLAIM_POLL_MS = 200;

  private final String name;
  private final Endpoint endpoint;
  private final ResponseStore store;
  private final Spending spending;
  private final OkHttpClient http;
  private final RetryPolicy retry;
  private final String apiKey;
  private final Sleeper sleeper;

  /** How the client waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public TeacherClient(String name, Endpoint endpoint, ResponseStore store, Spending spending,
      Function<String, String> environment, Sleeper sleeper) {
    this.name = name;
    this.endpoint = endpoint;
    this.store = store;
    this.spending = spending;
    this.http = HTTP.computeIfAbsent(endpoint, TeacherClient::newHttpClient);
    this.retry = RetryPolicy.of(endpoint.maxAttempts());
    this.sleeper = sleeper;
    if (endpoint.apiKeyEnv().isEmpty()) {
      this.apiKey = null;
    } else {
      String key = environment.apply(endpoint.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new ConfigException("The environment variable '" + endpoint.apiKeyEnv()
            + "' named by an endpoint's api-key-env is not set");
      }
      this.apiKey = key;
    }
  }

  public static TeacherClient forEndpoint(String name, Endpoint endpoint, ResponseStore store, Spending spending) {
    return new TeacherClient(name, endpoint, store, spending, System::getenv, Thread::sleep);
  }

  private static OkHttpClient newHttpClient(Endpoint e) {
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, e.maxInFlight() * 4));
    dispatcher.setMaxRequestsPerHost(Math.max(64, e.maxInFlight() * 4));
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new okhttp3.ConnectionPool(Math.max(8, e.maxInFlight() * 2), 5, java.util.concurrent.TimeUnit.MINUTES))
        .callTimeout(Duration.ofMillis(e.timeoutMs()))
        .readTimeout(Duration.ofMillis(e.timeoutMs()))
        .retryOnConnectionFailure(false)
        .build();
  }

  /** One chat completion, made with the template of version {@code templateVersion} (part of the key). */
  public ChatResult chat(ModelCall call, List<ChatMessage> messages, String templateVersion) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", call.model());
    ArrayNode msgs = body.putArray("messages");
    for (ChatMessage m : messages) {
      msgs.addObject().put("role", m.role()).put("content", m.content());
    }
    body.put("temperature", call.temperature());
    body.put("max_tokens", call.maxTokens());
    if (call.seed() != null) {
      body.put("seed", call.seed());
    }
    Exchange ex = exchange("/chat/completions", body, templateVersion, call.model(), call.maxTokens());
    if (ex.outcome != CallOutcome.OK) {
      return new ChatResult(ex.outcome, null, null, ex.attempts, ex.latencyMs, 0, 0, ex.error, ex.key, false, 0);
    }
    JsonNode choice = ex.json.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    long promptTokens = ex.json.path("usage").path("prompt_tokens").asLong(0);
    long completionTokens = ex.json.path("usage").path("completion_tokens").asLong(0);
    double cost = ex.stored ? 0 : spending.charge(call.model(), promptTokens, completionTokens);
    if (!content.isTextual()) {
      return new ChatResult(CallOutcome.PARSE_FAILED, null, null, ex.attempts, ex.latencyMs, promptTokens,
          completionTokens, "response has no choices[0].message.content", ex.key, ex.stored, cost);
    }
    String finish = choice.path("finish_reason").asText("");
    CallOutcome outcome = switch (finish) {
      case "length" -> CallOutcome.TRUNCATED;
      case "content_filter" -> CallOutcome.CONTENT_FILTERED;
      default -> CallOutcome.OK;
    };
    return new ChatResult(outcome, content.asText(), finish, ex.attempts, ex.latencyMs, promptTokens, completionTokens,
        outcome == CallOutcome.OK ? null : "finish_reason " + finish, ex.key, ex.stored, cost);
  }

  /**
   * Log-probabilities of every token of {@code prompt}, by a completions request with {@code echo}
   * and {@code logprobs} (as vLLM and the legacy OpenAI API serve them). One token is generated,
   * because some servers refuse {@code max_tokens: 0}; callers use only the tokens inside the prompt.
   */
  public LogprobResult promptLogprobs(String model, String prompt) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    body.put("prompt", prompt);
    body.put("max_tokens", 1);
    body.put("temperature", 0.0);
    body.put("echo", true);
    body.put("logprobs", 0);
    Exchange ex = exchange("/completions", body, "", model, 1);
    if (ex.outcome != CallOutcome.OK) {
      return new LogprobResult(ex.outcome, null, null, null, ex.attempts, ex.latencyMs, 0, ex.error, ex.stored, 0);
    }
    JsonNode lp = ex.json.path("choices").path(0).path("logprobs");
    JsonNode tokens = lp.path("tokens");
    JsonNode logprobs = lp.path("token_logprobs");
    JsonNode offsets = lp.path("text_offset");
    long promptTokens = ex.json.path("usage").path("prompt_tokens").asLong(0);
    double cost = ex.stored ? 0 : spending.charge(model, promptTokens, 0);
    if (!tokens.isArray() || !logprobs.isArray() || !offsets.isArray()
        || tokens.size() != logprobs.size() || tokens.size() != offsets.size()) {
      return new LogprobResult(CallOutcome.PARSE_FAILED, null, null, null, ex.attempts, ex.latencyMs, promptTokens,
          "response has no aligned choices[0].logprobs tokens, token_logprobs and text_offset", ex.stored, cost);
    }
    List<String> t = new ArrayList<>();
    List<Double> l = new ArrayList<>();
    List<Integer> o = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      t.add(tokens.get(i).asText());
      l.add(logprobs.get(i).isNumber() ? logprobs.get(i).asDouble() : null);
      o.add(offsets.get(i).asInt());
    }
    return new LogprobResult(CallOutcome.OK, t, l, o, ex.attempts, ex.latencyMs, promptTokens, null, ex.stored, cost);
  }

  /** {@code stored}: answered from the response store, without a call. */
  private record Exchange(CallOutcome outcome, JsonNode json, String raw, int attempts, long latencyMs, String error,
      String key, boolean stored) {
    Exchange withKey(String key) {
      return new Exchange(outcome, json, raw, attempts, latencyMs, error, key, stored);
    }

    Exchange fromStore() {
      return new Exchange(outcome, json, raw, 0, 0, error, key, true);
    }
  }

  /** The request key: the same request to the same named endpoint has the same key on every run. */
  private static String requestKey(String endpointName, String path, String canonicalBody, String templateVersion) {
    return PromptTemplate.sha256(endpointName + "\n" + path + "\n" + templateVersion + "\n" + canonicalBody);
  }

  private Exchange exchange(String path, ObjectNode body, String templateVersion, String model, int maxTokens) {
    String request = Json.write(body);
    String key = requestKey(name, path, request, templateVersion);
    Optional<Exchange> stored = fromStore(key);
    if (stored.isPresent()) {
      return stored.get();
    }
    if (spending.exhausted(model)) {
      // A stored answer costs nothing and is still used above; only new calls stop.
      return new Exchange(CallOutcome.BUDGET_EXHAUSTED, null, null, 0, 0, "the run's budget is spent", key, false);
    }
    CompletableFuture<Exchange> mine = new CompletableFuture<>();
    CompletableFuture<Exchange> running = IN_FLIGHT.putIfAbsent(key, mine);
    if (running != null) {
      // The same request is being made in this JVM right now: share its outcome, pay once.
      try {
        Exchange shared = running.get();
        return shared.outcome == CallOutcome.OK ? shared.fromStore() : shared;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange(CallOutcome.TRANSIENT, null, null, 0, 0, "interrupted", key, false);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    try {
      Exchange result = claimAndCall(path, request, key, model, maxTokens);
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      IN_FLIGHT.remove(key, mine);
    }
  }

  private Exchange claimAndCall(String path, String request, String key, String model, int maxTokens) {
    long lease = (long) endpoint.timeoutMs() * endpoint.maxAttempts() + 60_000;
    long deadline = System.currentTimeMillis() + lease;
    while (!store.claim(key, lease)) {
      // Another attempt (a task retry racing a straggler, a speculative copy) is making this call.
      Optional<Exchange> done = fromStore(key);
      if (done.isPresent()) {
        return done.get();
      }
      if (System.currentTimeMillis() > deadline) {
        break;
      }
      try {
        sleeper.sleep(CLAIM_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange(CallOutcome.TRANSIENT, null, null, 0, 0, "interrupted", key, false);
      }
    }
    try {
      Optional<Exchange> done = fromStore(key);
      if (done.isPresent()) {
        return done.get();
      }
      Exchange ex = post(path, request, model, maxTokens).withKey(key);
      if (ex.outcome == CallOutcome.OK) {
        store.put(new StoredResponse(key, name, path, request, ex.raw, Instant.now().toString()));
      }
      return ex;
    } finally {
      store.release(key);
    }
  }

  private Optional<Exchange> fromStore(String key) {
    return store.get(key).flatMap(s -> {
      try {
        return Optional.of(new Exchange(CallOutcome.OK, Json.mapper().readTree(s.response()), s.response(), 0, 0, null,
            key, true));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  private Exchange post(String path, String request, String model, int maxTokens) {
    String url = endpoint.baseUrl().replaceAll("/+$", "") + path;
    byte[] bytes = request.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    EndpointLimits limits = EndpointLimits.shared(name, endpoint, model);
    // A rough count (about four characters a token) booked in advance, corrected by the usage reported.
    double estimatedTokens = request.length() / 4.0 + maxTokens;
    long start = System.nanoTime();
    Attempt last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      String open = limits.breaker.openReason();
      if (open != null) {
        return new Exchange(CallOutcome.CIRCUIT_OPEN, null, null, attempt - 1, millisSince(start), open, null, false);
      }
      try {
        long wait = Math.max(Math.max(limits.requests.reserve(1), limits.tokens.reserve(estimatedTokens)), limits.pauseLeft());
        if (wait > 0) {
          sleeper.sleep(wait);
        }
        limits.concurrency.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Exchange(CallOutcome.TRANSIENT, null, null, attempt, millisSince(start), "interrupted", null, false);
      }
      try {
        last = send(url, bytes);
      } finally {
        limits.concurrency.release(last != null && last.status == 429);
      }
      limits.breaker.record(!last.final_);
      if (last.pauseMs > 0) {
        limits.pauseFor(last.pauseMs);
      }
      if (last.outcome == CallOutcome.OK) {
        limits.tokens.reserve(last.json.path("usage").path("total_tokens").asDouble(estimatedTokens) - estimatedTokens);
      }
      if (last.final_) {
        return new Exchange(last.outcome, last.json, last.raw, attempt, millisSince(start), last.error, null, false);
      }
      if (attempt < retry.maxAttempts()) {
        try {
          sleeper.sleep(retry.delayMs(attempt, last.retryAfter));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Exchange(CallOutcome.TRANSIENT, null, null, attempt, millisSince(start), "interrupted", null, false);
        }
      }
    }
    return new Exchange(last.outcome, null, null, retry.maxAttempts(), millisSince(start), last.error, null, false);
  }

  /** One HTTP attempt; {@code final_} says whether retrying could change the outcome. */
  private record Attempt(CallOutcome outcome, int status, JsonNode json, String raw, String error, String retryAfter,
      boolean final_, long pauseMs) {}

  private Attempt send(String url, byte[] bytes) {
    Request.Builder httpRequest = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON));
    if (apiKey != null) {
      httpRequest.header("Authorization", "Bearer " + apiKey);
    }
    try (Response response = http.newCall(httpRequest.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      int status = response.code();
      long pause = RateLimitHeaders.pauseMs(response::header);
      if (response.isSuccessful()) {
        try {
          return new Attempt(CallOutcome.OK, status, Json.mapper().readTree(text), text, null, null, true, pause);
        } catch (IOException e) {
          return new Attempt(CallOutcome.PARSE_FAILED, status, null, null, "response body is not JSON", null, true, pause);
        }
      }
      String error = "HTTP " + status + ": " + excerpt(text);
      if (!RetryPolicy.retryable(status)) {
        return new Attempt(CallOutcome.BAD_REQUEST, status, null, null, error, null, true, pause);
      }
      CallOutcome outcome = status == 429 ? CallOutcome.RATE_LIMITED : CallOutcome.TRANSIENT;
      return new Attempt(outcome, status, null, null, error, response.header("Retry-After"), false, pause);
    } catch (IOException e) {
      return new Attempt(CallOutcome.TRANSIENT, 0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null,
          false, 0);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  // Error bodies can echo the request; keep only enough to diagnose.
  private static String excerpt(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
