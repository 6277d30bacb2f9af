package io.judgeforge.teacher.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * OpenAI's batch API for one named endpoint: upload an input file ({@code POST /files},
 * {@code purpose=batch}), create a batch ({@code POST /batches}), retrieve it ({@code GET
 * /batches/{id}}), cancel it, and download a file's content ({@code GET /files/{id}/content}). Files
 * stream in and out, never held whole. The key goes in the header the endpoint names and is never
 * logged; an error that echoes it has it removed.
 */
public final class BatchClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType JSONL = MediaType.get("application/jsonl");

    /** A reply of the batch API that is neither what was asked nor a missing API (404 on the files path). */
    public static final class BatchApiException extends RuntimeException {
        public BatchApiException(String message) {
            super(message);
        }
    }

    /** What an upload reads: its length and a fresh stream of its bytes. */
    public interface Upload {
        long length() throws IOException;

        InputStream open() throws IOException;
    }

    private final String name;
    private final Endpoint endpoint;
    private final String apiKey;
    private final HttpUrl base;
    private final OkHttpClient http;

    /** {@code apiKey} null: no key is sent. */
    public BatchClient(String name, Endpoint endpoint, String apiKey) {
        if (Endpoint.URL_AZURE.equals(endpoint.urlStyle())) {
            throw new ConfigException("batch.stages: endpoint '" + name
                    + "' has url-style azure; the batch client speaks OpenAI's URL shape only");
        }
        this.name = name;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.base = HttpUrl.parse(endpoint.baseUrl().replaceAll("/+$", ""));
        if (base == null) {
            throw new ConfigException("endpoints." + name + ".base-url is not a URL: " + endpoint.baseUrl());
        }
        // Uploads and downloads are files of up to 200 MB: the call has no overall limit, only reads do.
        this.http = new OkHttpClient.Builder()
                .readTimeout(Duration.ofMillis(Math.max(endpoint.timeoutMs(), 60_000)))
                .writeTimeout(Duration.ofMillis(Math.max(endpoint.timeoutMs(), 60_000)))
                .build();
    }

    /** The batch line's {@code url} for a request path of this endpoint: the base URL's path plus it. */
    public String lineUrl(String path) {
        return url(path).encodedPath();
    }

    public String uploadFile(String filename, Upload content) throws IOException {
        RequestBody file = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSONL;
            }

            @Override
            public long contentLength() throws IOException {
                return content.length();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                try (Source source = Okio.source(content.open())) {
                    sink.writeAll(source);
                }
            }
        };
        RequestBody form = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", "batch")
                .addFormDataPart("file", filename, file)
                .build();
        JsonNode json = send(request("/files").post(form), "/files");
        return json.path("id").asText();
    }

    public BatchJob create(String inputFileId, String lineUrl, String completionWindow, Map<String, String> metadata)
            throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("input_file_id", inputFileId);
        body.put("endpoint", lineUrl);
        body.put("completion_window", completionWindow);
        if (!metadata.isEmpty()) {
            ObjectNode meta = body.putObject("metadata");
            metadata.forEach(meta::put);
        }
        return BatchJob.of(send(request("/batches").post(RequestBody.create(Json.write(body), JSON)), "/batches"));
    }

    public BatchJob retrieve(String batchId) throws IOException {
        return BatchJob.of(send(request("/batches/" + batchId).get(), "/batches/{id}"));
    }

    public BatchJob cancel(String batchId) throws IOException {
        return BatchJob.of(send(
                request("/batches/" + batchId + "/cancel").post(RequestBody.create(new byte[0], JSON)),
                "/batches/{id}/cancel"));
    }

    /** Streams a file's content (an output or error file) into {@code out}. */
    public void download(String fileId, OutputStream out) throws IOException {
        try (Response response = http.newCall(
                        request("/files/" + fileId + "/content").get().build())
                .execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw failure(response, "/files/{id}/content");
            }
            try (InputStream in = response.body().byteStream()) {
                in.transferTo(out);
            }
        }
    }

    private HttpUrl url(String path) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments(path.replaceAll("^/+", ""));
        endpoint.query().forEach(url::addQueryParameter);
        return url.build();
    }

    private Request.Builder request(String path) {
        Request.Builder request = new Request.Builder().url(url(path)).header("User-Agent", Versions.USER_AGENT);
        endpoint.headers().forEach(request::header);
        if (apiKey != null) {
            boolean bearer = endpoint.apiKeyHeader().equalsIgnoreCase("authorization");
            request.header(endpoint.apiKeyHeader(), bearer ? "Bearer " + apiKey : apiKey);
        }
        return request;
    }

    private JsonNode send(Request.Builder request, String what) throws IOException {
        try (Response response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw failure(response, what);
            }
            return Json.mapper()
                    .readTree(response.body() == null ? "{}" : response.body().string());
        }
    }

    private RuntimeException failure(Response response, String what) throws IOException {
        String text = response.body() == null ? "" : redact(response.body().string());
        if (response.code() == 404 && what.equals("/files")) {
            // vLLM and most gateways have no batch API: one line that names the keys to change.
            return new ConfigException("batch.stages: endpoint '" + name + "' (" + endpoint.baseUrl()
                    + ") has no batch API: POST /files answered 404; take its stages out of batch.stages");
        }
        if (response.code() == 401 || response.code() == 403) {
            return new ConfigException("batch: endpoint '" + name + "' refused the key in api-key-env '"
                    + endpoint.apiKeyEnv() + "' (HTTP " + response.code() + ") on " + what);
        }
        return new BatchApiException(
                "batch API of endpoint '" + name + "': " + response.request().method() + " " + what + " answered HTTP "
                        + response.code() + ": " + abbreviate(text));
    }

    private String redact(String text) {
        return apiKey == null || !text.contains(apiKey) ? text : text.replace(apiKey, "[api key removed]");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
