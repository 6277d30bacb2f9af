package io.judgeforge.teacher.http;

import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.Versions;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one HTTP transport: OkHttp, with the endpoint's URL shape (OpenAI's or Azure's deployment
 * URLs), query parameters, extra headers, the key in the header the provider expects, and a
 * User-Agent that names Judgeforge. The key is held here only and never logged or returned.
 */
public final class OkHttpTransport implements Transport {
    private static final MediaType JSON = MediaType.get("application/json");
    // One OkHttp client (connection pool, dispatcher) per endpoint setting per JVM, shared by all Spark tasks.
    private static final Map<Endpoint, OkHttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final Endpoint endpoint;
    private final String apiKey;
    private final OkHttpClient http;

    /** {@code apiKey} null: no key is sent. */
    public OkHttpTransport(Endpoint endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.http = CLIENTS.computeIfAbsent(endpoint, OkHttpTransport::newClient);
    }

    private static OkHttpClient newClient(Endpoint e) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, e.maxInFlight() * 4));
        dispatcher.setMaxRequestsPerHost(Math.max(64, e.maxInFlight() * 4));
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(8, e.maxInFlight() * 2), 5, TimeUnit.MINUTES))
                .callTimeout(Duration.ofMillis(e.timeoutMs()))
                .readTimeout(Duration.ofMillis(e.timeoutMs()))
                // Retries are the RetryingCaller's, with its limits and counts: OkHttp must not add silent ones.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The URL of {@code path} for {@code model}: Azure puts the deployment (the model name) in the path. */
    public HttpUrl url(String path, String model) {
        HttpUrl base = HttpUrl.parse(endpoint.baseUrl().replaceAll("/+$", ""));
        if (base == null) {
            throw new io.judgeforge.config.ConfigException("endpoints.*.base-url is not a URL: " + endpoint.baseUrl());
        }
        HttpUrl.Builder url = base.newBuilder();
        if (Endpoint.URL_AZURE.equals(endpoint.urlStyle())) {
            url.addPathSegment("deployments").addPathSegment(model);
        }
        url.addPathSegments(path.replaceAll("^/+", ""));
        endpoint.query().forEach(url::addQueryParameter);
        return url.build();
    }

    @Override
    public String redact(String text) {
        return apiKey == null || text == null || !text.contains(apiKey)
                ? text
                : text.replace(apiKey, "[api key removed]");
    }

    @Override
    public HttpReply post(String path, String model, byte[] body) throws IOException {
        return execute(request(url(path, model)).post(RequestBody.create(body, JSON)));
    }

    @Override
    public HttpReply get(String path, String model, Map<String, String> query) throws IOException {
        HttpUrl.Builder url = url(path, model).newBuilder();
        query.forEach(url::addQueryParameter);
        return execute(request(url.build()).get());
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder request = new Request.Builder().url(url).header("User-Agent", Versions.USER_AGENT);
        endpoint.headers().forEach(request::header);
        if (apiKey != null) {
            boolean bearer = endpoint.apiKeyHeader().equalsIgnoreCase("authorization");
            request.header(endpoint.apiKeyHeader(), bearer ? "Bearer " + apiKey : apiKey);
        }
        return request;
    }

    private HttpReply execute(Request.Builder request) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            Map<String, String> headers = new HashMap<>();
            for (String name : response.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), response.header(name));
            }
            String text = response.body() == null ? "" : response.body().string();
            // Some gateways echo the key, in an error or an error inside a 200: it must reach no row or log.
            return new HttpReply(response.code(), headers, redact(text));
        }
    }
}
