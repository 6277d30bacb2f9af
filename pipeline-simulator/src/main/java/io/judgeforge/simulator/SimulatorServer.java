package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAI-compatible simulator: a test double for the teacher and judge models, spoken to over
 * real HTTP on loopback so the pipeline's HTTP client, retries and timeouts are exercised as in
 * production. Only 127.0.0.1 is bound; the simulator is never meant to be reachable from elsewhere.
 *
 * <p>Every request except {@code /sim/stats} and {@code /sim/requests} waits out the configured
 * {@link Latency}. Model calls (the two completion endpoints, and their Azure paths with {@link
 * Realism#azure()}) may also be delayed, failed or spoilt by the configured {@link Faults}, and are
 * checked against the {@link RateLimits} once their reply, and so its token count, is known. Latency
 * and faults are drawn per {@link Attempt}, so reruns draw alike and retries draw afresh.
 */
public final class SimulatorServer implements LocalEndpointServer {
    static final String MODELS_PATH = "/v1/models";
    static final String CHAT_PATH = "/v1/chat/completions";
    static final String COMPLETIONS_PATH = "/v1/completions";
    static final String STATS_PATH = "/sim/stats";
    static final String REQUESTS_PATH = "/sim/requests";
    private static final int BACKLOG = 256;
    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=utf-8";
    /** Azure OpenAI's paths: the deployment (here the model) in the path, the API version in the query. */
    private static final Pattern AZURE_PATH =
            Pattern.compile("/openai/deployments/([^/]+)/(chat/completions|completions)");

    /** @param modelCall true for the completion endpoints, the only ones faults and rate limits apply to */
    private record Route(String method, Function<byte[], ObjectNode> handler, boolean modelCall) {}

    /** A reply ready to send: its status, exact body bytes, the headers beside Content-Type, and that. */
    private record Reply(int status, byte[] body, Map<String, String> headers, String contentType) {
        static Reply json(int status, ObjectNode json, Map<String, String> headers) {
            return new Reply(status, SimulatorJson.write(json).getBytes(StandardCharsets.UTF_8), headers, JSON);
        }

        static Reply html(int status, String page, Map<String, String> headers) {
            return new Reply(status, page.getBytes(StandardCharsets.UTF_8), headers, HTML);
        }
    }

    static {
        // The JDK server writes headers and body as separate segments; with Nagle's algorithm on, each
        // small reply then waits ~40 ms for the client's delayed ACK, which made the simulator 50x slower
        // than it is. The property is read once per JVM, when the first HttpServer is created; a value
        // set explicitly by the user is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimulatorSettings settings;
    private final Realism realism;
    private final HttpServer server;
    private final ExecutorService workers;
    private final RequestStats stats;
    private final RequestLog requestLog = new RequestLog();
    private final AttemptCounter attempts;
    private final RateLimiter rateLimiter;
    private final RetryAdvice retryAdvice;
    private final Map<String, Route> routes;
    private final StoredCompletions storedCompletions = new StoredCompletions();
    private final BatchApi batchApi;
    private volatile boolean closed;

    private SimulatorServer(
            SimulatorSettings settings, HttpServer server, ExecutorService workers, InstantSource clock) {
        this.settings = settings;
        this.realism = settings.realism();
        this.server = server;
        this.workers = workers;
        this.stats = new RequestStats(injectableLaterKinds(settings));
        this.attempts = AttemptCounter.forSettings(settings);
        this.rateLimiter = new RateLimiter(settings.rateLimits(), clock);
        this.retryAdvice = new RetryAdvice(realism.retryHeaderForm(), clock);
        ChatCompletions chat = new ChatCompletions(settings);
        TextCompletions text = new TextCompletions(settings);
        ObjectNode models = ModelList.of(settings);
        this.routes = Map.of(
                MODELS_PATH, new Route("GET", body -> models, false),
                CHAT_PATH, new Route("POST", chat::handle, true),
                COMPLETIONS_PATH, new Route("POST", text::handle, true));
        this.batchApi = new BatchApi(settings.faults().batch(), settings.seed(), this::answerLine, clock);
    }

    /**
     * A batch line, answered as the online endpoint answers the same body (its responder, its errors),
     * without the online path's latency, per-attempt faults and rate limits: a batch has none of them.
     */
    private BatchApi.LineReply answerLine(String url, byte[] body) {
        Route route = routes.get(url);
        try {
            return new BatchApi.LineReply(200, dispatch(route, url, "POST", body));
        } catch (ApiError e) {
            return new BatchApi.LineReply(e.status(), e.toJson(realism.errorDialect()));
        } catch (RuntimeException e) {
            return new BatchApi.LineReply(
                    500, ApiError.internal("The simulator failed: " + e).toJson(realism.errorDialect()));
        }
    }

    /** The fault kinds after the first six that this server can inject, so that its stats list them. */
    private static Set<FaultKind> injectableLaterKinds(SimulatorSettings settings) {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            if (!kind.listedAlways()
                    && (settings.realism().faultTriggers() || settings.faults().rate(kind) > 0)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * Starts a simulator on 127.0.0.1, with rate-limit windows on the system clock.
     *
     * @param port the port to bind, or 0 for any free port (see {@link #port()})
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static SimulatorServer start(SimulatorSettings settings, int port) {
        return start(settings, port, InstantSource.system());
    }

    /**
     * Starts a simulator whose rate-limit windows (and {@code Retry-After} dates) run on {@code clock},
     * so a test can move time on instead of waiting a minute. Latency and slow faults still sleep in
     * real time.
     */
    public static SimulatorServer start(SimulatorSettings settings, int port, InstantSource clock) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the simulator to 127.0.0.1:" + port, e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), workerThreads());
        SimulatorServer simulator = new SimulatorServer(settings, server, workers, clock);
        server.createContext("/", simulator::handle);
        server.setExecutor(workers);
        server.start();
        return simulator;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL an OpenAI client is configured with. */
    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** The models served and {@link SimulatorSettings#describe()}. */
    @Override
    public String description() {
        return "models " + settings.models().keySet() + "; " + settings.describe();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (STATS_PATH.equals(path) || REQUESTS_PATH.equals(path)) {
                // Reading the stats must not change them, or a test could never assert exact counts.
                if ("GET".equals(method)) {
                    send(
                            exchange,
                            Reply.json(
                                    200, STATS_PATH.equals(path) ? stats.snapshot() : requestLog.snapshot(), Map.of()));
                } else {
                    send(exchange, error(ApiError.methodNotAllowed(method, path, "GET"), Map.of()));
                }
                return;
            }
            Reply reply;
            try {
                reply = serve(exchange, path, method, exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                reply = error(
                        ApiError.invalidRequest(
                                "The request body could not be read: " + e.getMessage(), null, "invalid_body"),
                        Map.of());
            }
            // Counted before the reply is written, so a client that has its reply sees itself counted.
            stats.record(statsPath(method, path), reply.status());
            requestLog.record(
                    method, path, exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), reply.status());
            send(exchange, reply);
        }
    }

    /** Checks the key and, on an Azure path, its query and deployment; then answers as the OpenAI path would. */
    private Reply serve(HttpExchange exchange, String path, String method, byte[] body) {
        Matcher azure = realism.azure() ? AZURE_PATH.matcher(path) : null;
        boolean onAzure = azure != null && azure.matches();
        if (onAzure || path.startsWith("/v1/")) {
            ApiError denied = checkKey(exchange.getRequestHeaders(), onAzure);
            if (denied != null) {
                return error(denied, Map.of());
            }
        }
        if (!onAzure
                && servesStoredCompletions()
                && "GET".equals(method)
                && (path.equals(CHAT_PATH) || path.startsWith(CHAT_PATH + "/"))) {
            return storedCompletionsReply(path, exchange.getRequestURI().getRawQuery());
        }
        // OpenAI serves the batch API; vLLM has no such server, and answers its paths with a 404 below.
        if (!onAzure && servesStoredCompletions() && BatchApi.serves(path)) {
            try {
                BatchApi.Answer answer = batchApi.handle(
                        method, path, exchange.getRequestHeaders().getFirst("Content-Type"), body);
                return new Reply(answer.status(), answer.body(), Map.of(), answer.contentType());
            } catch (ApiError e) {
                return error(e, Map.of());
            }
        }
        if (!onAzure) {
            return replyTo(path, method, body);
        }
        String deployment = URLDecoder.decode(azure.group(1), StandardCharsets.UTF_8);
        if (QueryString.parse(exchange.getRequestURI().getRawQuery())
                .getOrDefault("api-version", "")
                .isEmpty()) {
            return error(ApiError.azureMissingApiVersion(), Map.of());
        }
        boolean triggered =
                realism.faultTriggers() && FaultKind.triggeredBy(deployment).isPresent();
        if (settings.strengthOf(deployment) == null && !triggered) {
            return error(ApiError.azureDeploymentNotFound(), Map.of());
        }
        String openAiPath = azure.group(2).equals("completions") ? COMPLETIONS_PATH : CHAT_PATH;
        return replyTo(openAiPath, method, withModel(body, deployment));
    }

    // OpenAI keeps completions asked with store: true; vLLM has no such API (a GET on its chat path is a 405).
    private boolean servesStoredCompletions() {
        return realism.errorDialect() == ErrorDialect.OPENAI;
    }

    private Reply storedCompletionsReply(String path, String rawQuery) {
        try {
            ObjectNode json = path.equals(CHAT_PATH)
                    ? storedCompletions.list(rawQuery)
                    : storedCompletions.get(
                            URLDecoder.decode(path.substring(CHAT_PATH.length() + 1), StandardCharsets.UTF_8));
            return Reply.json(200, json, Map.of());
        } catch (ApiError e) {
            return error(e, Map.of());
        }
    }

    /** Model calls are counted by path; reads of stored completions apart, so a count of paid calls stays one. */
    private static String statsPath(String method, String path) {
        if (BatchApi.serves(path)) {
            return method + " " + BatchApi.statsPath(path);
        }
        if ("POST".equals(method) || !path.startsWith(CHAT_PATH)) {
            return path;
        }
        return method + " " + (path.equals(CHAT_PATH) ? CHAT_PATH : CHAT_PATH + "/{id}");
    }

    /**
     * The 401 for a request without the required key, or null when it has it (or none is required).
     * OpenAI's key is a bearer token; Azure's is the {@code api-key} header.
     */
    private ApiError checkKey(Headers headers, boolean azure) {
        String required = realism.requiredKey();
        if (required.isEmpty()) {
            return null;
        }
        if (azure) {
            return required.equals(headers.getFirst("api-key")) ? null : ApiError.azureAccessDenied();
        }
        String authorization = headers.getFirst("Authorization");
        if (authorization == null
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            return ApiError.missingApiKey();
        }
        String given = authorization.substring(7).strip();
        return required.equals(given) ? null : ApiError.invalidApiKey(given);
    }

    /** An Azure body: the model is the deployment's, whatever the body says; a body that is not JSON is left for the handler. */
    private static byte[] withModel(byte[] body, String model) {
        try {
            JsonNode node = SimulatorJson.mapper().readTree(body);
            if (node instanceof ObjectNode object) {
                object.put("model", model);
                return SimulatorJson.write(object).getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // Not JSON: the handler reports it.
        }
        return body;
    }

    /** Waits out the latency (and a slow fault), then answers, failing on purpose if a fault was drawn. */
    private Reply replyTo(String path, String method, byte[] body) {
        Attempt attempt = attempts.next(method, path, body);
        Route route = routes.get(path);
        boolean modelCall = route != null && route.modelCall() && route.method().equals(method);
        Faults.FaultDraw faults =
                modelCall ? settings.faults().draw(attempt.random(Attempt.Purpose.FAULTS)) : Faults.FaultDraw.NONE;
        if (modelCall && realism.faultTriggers()) {
            faults = FaultKind.triggeredBy(RequestFields.peekModel(body))
                    .map(Faults.FaultDraw::only)
                    .orElse(faults);
        }
        long delayMs = settings.latency().sampleMs(attempt.random(Attempt.Purpose.LATENCY));
        if (faults.slow()) {
            stats.recordFault(FaultKind.SLOW);
            delayMs += settings.faults().slowMs();
        }
        sleep(delayMs);
        FaultKind fault = faults.reply();
        Reply injected = fault == null ? null : injectedError(fault);
        if (injected != null) {
            stats.recordFault(fault);
            return injected;
        }
        ObjectNode json;
        try {
            json = dispatch(route, path, method, body);
        } catch (ApiError e) {
            return error(e, e.status() == 405 ? Map.of("Allow", route.method()) : Map.of());
        } catch (RuntimeException e) {
            return error(ApiError.internal("The simulator failed: " + e), Map.of());
        }
        return modelCall ? limitedModelReply(body, json, fault) : Reply.json(200, json, Map.of());
    }

    private static ObjectNode dispatch(Route route, String path, String method, byte[] body) {
        if (route == null) {
            throw ApiError.unknownPath(method, path);
        }
        if (!route.method().equals(method)) {
            throw ApiError.methodNotAllowed(method, path, route.method());
        }
        return route.handler().apply(body);
    }

    private Reply error(ApiError error, Map<String, String> headers) {
        return Reply.json(error.status(), error.toJson(realism.errorDialect()), headers);
    }

    /** The reply of a fault that replaces the model's reply, or null for a fault that spoils a 200. */
    private Reply injectedError(FaultKind fault) {
        return switch (fault) {
            case HTTP_429 -> {
                Map<String, String> headers = new LinkedHashMap<>(retryAdvice.headers(1000, false));
                if (retryAdvice.realistic()) {
                    headers.putAll(exhaustedRateLimitHeaders());
                }
                yield error(
                        ApiError.rateLimited("Rate limit reached (simulated fault). Please try again in 1s."), headers);
            }
            case HTTP_503 -> error(ApiError.injectedOverload(), retryAdvice.headers(1000, true));
            case HTTP_500 -> error(ApiError.injectedServerError(), Map.of());
            case HTTP_403 -> error(ApiError.injectedForbidden(), Map.of());
            case INSUFFICIENT_QUOTA -> error(ApiError.injectedInsufficientQuota(), Map.of());
            case HTTP_502 -> Reply.html(502, GatewayPages.BAD_GATEWAY, Map.of());
            case MALFORMED_JSON, TRUNCATED, HTML_BODY, NO_CHOICES, SLOW -> null;
        };
    }

    /** What OpenAI sends beside a 429 for an account whose minute is used up, in its duration form. */
    private static Map<String, String> exhaustedRateLimitHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RateLimiter.REMAINING_REQUESTS, "0");
        headers.put(RateLimiter.RESET_REQUESTS, RateLimiter.resetText(1_000));
        headers.put(RateLimiter.REMAINING_TOKENS, "0");
        headers.put(RateLimiter.RESET_TOKENS, RateLimiter.resetText(360_000));
        return headers;
    }

    /**
     * A successful model call's reply, after the faults that spoil a 200 and the rate limits. The
     * tokens charged are the reply's own {@code usage.total_tokens}, counted after any truncation,
     * because that is what the client was actually served.
     */
    private Reply limitedModelReply(byte[] requestBody, ObjectNode completion, FaultKind fault) {
        boolean truncate = fault == FaultKind.TRUNCATED
                && "chat.completion".equals(completion.path("object").asText());
        if (truncate) {
            TruncatedReply.apply(completion);
        }
        RateLimitDecision decision = rateLimiter.acquire(
                completion.path("model").asText(),
                completion.path("usage").path("total_tokens").asLong());
        if (!decision.accepted()) {
            stats.recordRateLimited();
            Map<String, String> headers = new LinkedHashMap<>();
            // A request larger than the whole per-minute quota never fits: no Retry-After to honour.
            if (decision.verdict() == RateLimitDecision.Verdict.LIMITED) {
                headers.putAll(retryAdvice.headers(decision.retryAfterMillis(), false));
            }
            headers.putAll(decision.headers());
            return error(ApiError.rateLimited(decision.message()), headers);
        }
        if (truncate) {
            stats.recordFault(FaultKind.TRUNCATED);
        }
        // Kept as the model produced it: the faults below spoil the reply on its way, not the completion.
        if ("chat.completion".equals(completion.path("object").asText()) && servesStoredCompletions()) {
            storedCompletions.keepIfAsked(requestBody, completion);
        }
        if (fault == FaultKind.HTML_BODY) {
            stats.recordFault(fault);
            return Reply.html(200, GatewayPages.LOGIN_PAGE, decision.headers());
        }
        if (fault == FaultKind.NO_CHOICES) {
            stats.recordFault(fault);
            completion.remove("choices");
        }
        Reply reply = Reply.json(200, completion, decision.headers());
        if (fault == FaultKind.MALFORMED_JSON) {
            stats.recordFault(FaultKind.MALFORMED_JSON);
            // Half of the real body: an object cut open is never valid JSON, yet starts like the real thing.
            return new Reply(200, Arrays.copyOf(reply.body(), reply.body().length / 2), reply.headers(), JSON);
        }
        return reply;
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        reply.headers().forEach(headers::set);
        // A length of 0 would mean "chunked" to the JDK server; -1 is its way of saying "no body".
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    /** Daemon threads, so a simulator a test forgot to close cannot keep the JVM alive. */
    private static ThreadFactory workerThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "judgeforge-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
