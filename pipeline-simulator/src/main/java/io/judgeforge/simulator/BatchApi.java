package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI's batch API: {@code /v1/files} (a multipart upload with {@code purpose=batch}, its metadata,
 * its content, delete) and {@code /v1/batches} (create, retrieve, cancel, list), with OpenAI's object
 * shapes. A batch moves on one status per retrieve (validating, in_progress, finalizing, completed),
 * and when it completes each line is answered by {@code lines}: the same responder the online path
 * uses, so a batch run gets the answers an online run gets. {@link BatchFaults} can make the first
 * batch expire half done and fail some lines with a 500.
 */
final class BatchApi {
    /** How one request line is answered: its HTTP status and body, as the online endpoint would answer it. */
    @FunctionalInterface
    interface LineAnswerer {
        LineReply answer(String url, byte[] body);
    }

    record LineReply(int status, ObjectNode body) {}

    /** What to send back: a JSON object or a file's bytes. */
    record Answer(int status, byte[] body, String contentType) {
        static Answer json(int status, ObjectNode json) {
            return new Answer(status, SimulatorJson.write(json).getBytes(StandardCharsets.UTF_8), "application/json");
        }
    }

    static final String FILES = "/v1/files";
    static final String BATCHES = "/v1/batches";
    private static final Pattern FILE = Pattern.compile("/v1/files/([^/]+)(/content)?");
    private static final Pattern BATCH = Pattern.compile("/v1/batches/([^/]+)(/cancel)?");
    private static final Set<String> ENDPOINTS = Set.of("/v1/chat/completions", "/v1/completions");
    private static final long DAY_SECONDS = 86_400;

    private record StoredFile(String id, String filename, String purpose, byte[] content, long createdAt) {
        ObjectNode toJson() {
            ObjectNode json = SimulatorJson.mapper().createObjectNode();
            json.put("id", id);
            json.put("object", "file");
            json.put("bytes", content.length);
            json.put("created_at", createdAt);
            json.put("filename", filename);
            json.put("purpose", purpose);
            return json;
        }
    }

    private static final class Batch {
        final String id;
        final String endpoint;
        final String inputFileId;
        final String window;
        final long createdAt;
        final ObjectNode metadata;
        String status = "validating";
        String outputFileId;
        String errorFileId;
        int total;
        int completed;
        int failed;
        ArrayNode errors;
        Map<String, Long> times = new LinkedHashMap<>();

        Batch(String id, String endpoint, String inputFileId, String window, long createdAt, ObjectNode metadata) {
            this.id = id;
            this.endpoint = endpoint;
            this.inputFileId = inputFileId;
            this.window = window;
            this.createdAt = createdAt;
            this.metadata = metadata;
        }

        boolean terminal() {
            return Set.of("completed", "expired", "failed", "cancelled").contains(status);
        }
    }

    private final BatchFaults faults;
    private final long seed;
    private final LineAnswerer lines;
    private final InstantSource clock;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Set<String> seenCustomIds = new HashSet<>();
    private final AtomicInteger ids = new AtomicInteger();
    private boolean expiredOne;

    BatchApi(BatchFaults faults, long seed, LineAnswerer lines, InstantSource clock) {
        this.faults = faults;
        this.seed = seed;
        this.lines = lines;
        this.clock = clock;
    }

    static boolean serves(String path) {
        return path.equals(FILES)
                || path.startsWith(FILES + "/")
                || path.equals(BATCHES)
                || path.startsWith(BATCHES + "/");
    }

    /** Statistics key of a path: ids replaced, so counts add up per operation. */
    static String statsPath(String path) {
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            return FILES + "/{id}" + (file.group(2) == null ? "" : "/content");
        }
        Matcher batch = BATCH.matcher(path);
        if (batch.matches()) {
            return BATCHES + "/{id}" + (batch.group(2) == null ? "" : "/cancel");
        }
        return path;
    }

    /** Serialised: a batch's state moves on per retrieve, and uploads and polls may come at once. */
    synchronized Answer handle(String method, String path, String contentType, byte[] body) {
        if (path.equals(FILES)) {
            if ("POST".equals(method)) {
                return Answer.json(200, upload(contentType, body).toJson());
            }
            if ("GET".equals(method)) {
                ArrayNode data = SimulatorJson.mapper().createArrayNode();
                files.values().forEach(f -> data.add(f.toJson()));
                return Answer.json(200, list(data));
            }
            throw ApiError.methodNotAllowed(method, path, "POST");
        }
        Matcher file = FILE.matcher(path);
        if (file.matches()) {
            StoredFile stored = files.get(file.group(1));
            if (stored == null) {
                throw new ApiError(404, "invalid_request_error", "No such File object: " + file.group(1), "id", null);
            }
            if (file.group(2) != null) {
                requireMethod(method, path, "GET");
                return new Answer(200, stored.content(), "application/octet-stream");
            }
            if ("DELETE".equals(method)) {
                files.remove(stored.id());
                ObjectNode deleted = SimulatorJson.mapper().createObjectNode();
                deleted.put("id", stored.id()).put("object", "file").put("deleted", true);
                return Answer.json(200, deleted);
            }
            requireMethod(method, path, "GET");
            return Answer.json(200, stored.toJson());
        }
        if (path.equals(BATCHES)) {
            if ("POST".equals(method)) {
                return Answer.json(200, toJson(create(body)));
            }
            requireMethod(method, path, "GET");
            ArrayNode data = SimulatorJson.mapper().createArrayNode();
            batches.values().forEach(b -> data.add(toJson(b)));
            return Answer.json(200, list(data));
        }
        Matcher batch = BATCH.matcher(path);
        if (batch.matches()) {
            Batch b = batches.get(batch.group(1));
            if (b == null) {
                throw new ApiError(
                        404, "invalid_request_error", "No batch found with id '" + batch.group(1) + "'.", null, null);
            }
            if (batch.group(2) != null) {
                requireMethod(method, path, "POST");
                if (!b.terminal()) {
                    b.status = "cancelled";
                    b.times.put("cancelled_at", now());
                }
                return Answer.json(200, toJson(b));
            }
            requireMethod(method, path, "GET");
            advance(b);
            return Answer.json(200, toJson(b));
        }
        throw ApiError.unknownPath(method, path);
    }

    private static void requireMethod(String method, String path, String allowed) {
        if (!allowed.equals(method)) {
            throw ApiError.methodNotAllowed(method, path, allowed);
        }
    }

    private static ObjectNode list(ArrayNode data) {
        ObjectNode list = SimulatorJson.mapper().createObjectNode();
        list.put("object", "list");
        list.set("data", data);
        list.put("has_more", false);
        return list;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private String nextId(String prefix) {
        return prefix + String.format("%06d", ids.incrementAndGet());
    }

    /** A multipart/form-data upload: a {@code purpose} field and a {@code file} part. */
    private StoredFile upload(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        // ISO-8859-1 maps bytes to chars one to one, so the file's bytes come back unchanged.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String purpose = null;
        String filename = null;
        byte[] content = null;
        for (String part : text.split("--" + Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (name.group(1).equals("purpose")) {
                purpose = value.strip();
            } else if (name.group(1).equals("file")) {
                Matcher fn = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
                filename = fn.find() ? fn.group(1) : "upload.jsonl";
                content = value.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        if (purpose == null) {
            throw ApiError.invalidRequest(
                    "Missing required parameter: 'purpose'.", "purpose", "missing_required_parameter");
        }
        if (!purpose.equals("batch")) {
            throw ApiError.invalidRequest(
                    "Invalid value for 'purpose': this simulator takes 'batch' only.", "purpose", "invalid_value");
        }
        if (content == null) {
            throw ApiError.invalidRequest("Missing required parameter: 'file'.", "file", "missing_required_parameter");
        }
        StoredFile file = new StoredFile(nextId("file-"), filename, purpose, content, now());
        files.put(file.id(), file);
        return file;
    }

    private static String boundary(String contentType) {
        Matcher m = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.startsWith("multipart/form-data") || !m.find()) {
            throw ApiError.invalidRequest(
                    "A file upload must be multipart/form-data with a boundary.", null, "invalid_content_type");
        }
        return m.group(1);
    }

    private Batch create(byte[] body) {
        JsonNode request;
        try {
            request = SimulatorJson.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiError.invalidRequest("We could not parse the JSON body of your request.", null, "invalid_json");
        }
        String inputFileId = request.path("input_file_id").asText("");
        String endpoint = request.path("endpoint").asText("");
        String window = request.path("completion_window").asText("");
        if (!files.containsKey(inputFileId)) {
            throw ApiError.invalidRequest("No such file: '" + inputFileId + "'.", "input_file_id", "invalid_value");
        }
        if (!ENDPOINTS.contains(endpoint)) {
            throw ApiError.invalidRequest(
                    "Invalid value for 'endpoint': expected one of " + ENDPOINTS + ".", "endpoint", "invalid_value");
        }
        if (!window.equals("24h")) {
            throw ApiError.invalidRequest(
                    "Invalid value for 'completion_window': expected '24h'.", "completion_window", "invalid_value");
        }
        ObjectNode metadata = request.path("metadata") instanceof ObjectNode m ? m : null;
        Batch batch = new Batch(nextId("batch_"), endpoint, inputFileId, window, now(), metadata);
        batches.put(batch.id, batch);
        return batch;
    }

    /** One status per retrieve, so a client's polling is exercised: the lines are answered on completion. */
    private void advance(Batch b) {
        switch (b.status) {
            case "validating" -> {
                List<JsonNode> requests = validate(b);
                if (requests == null) {
                    b.status = "failed";
                    b.times.put("failed_at", now());
                } else {
                    b.total = requests.size();
                    b.status = "in_progress";
                    b.times.put("in_progress_at", now());
                }
            }
            case "in_progress" -> {
                b.status = "finalizing";
                b.times.put("finalizing_at", now());
            }
            case "finalizing" -> finish(b);
            default -> {}
        }
    }

    /** The input file's lines, or null with {@code errors} set when the file is not a valid batch. */
    private List<JsonNode> validate(Batch b) {
        List<JsonNode> requests = new ArrayList<>();
        Set<String> customIds = new HashSet<>();
        ArrayNode errors = SimulatorJson.mapper().createArrayNode();
        String[] lines = new String(files.get(b.inputFileId).content(), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String problem;
            JsonNode line = null;
            try {
                line = SimulatorJson.mapper().readTree(lines[i]);
                problem = !line.path("custom_id").isTextual()
                        ? "missing custom_id"
                        : !customIds.add(line.path("custom_id").asText())
                                ? "duplicate_custom_id"
                                : !"POST".equals(line.path("method").asText())
                                        ? "invalid method"
                                        : !b.endpoint.equals(line.path("url").asText())
                                                ? "mismatched url: the batch's endpoint is " + b.endpoint
                                                : !line.path("body").isObject() ? "missing body" : null;
            } catch (IOException e) {
                problem = "invalid_json";
            }
            if (problem != null) {
                ObjectNode error = errors.addObject();
                error.put("code", problem.startsWith("duplicate") ? "duplicate_custom_id" : "invalid_request");
                error.put("message", "Line " + (i + 1) + ": " + problem);
                error.putNull("param");
                error.put("line", i + 1);
            } else {
                requests.add(line);
            }
        }
        if (!errors.isEmpty() || requests.isEmpty()) {
            if (requests.isEmpty() && errors.isEmpty()) {
                errors.addObject().put("code", "empty_file").put("message", "The input file has no requests.");
            }
            ObjectNode list = SimulatorJson.mapper().createObjectNode();
            list.put("object", "list");
            list.set("data", errors);
            b.errors = (ArrayNode) list.get("data");
            return null;
        }
        return requests;
    }

    private void finish(Batch b) {
        List<JsonNode> requests = validate(b);
        boolean expire = faults.expireFirst() && !expiredOne;
        expiredOne |= expire;
        int answered = expire ? requests.size() / 2 : requests.size();
        StringBuilder output = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode request = requests.get(i);
            String customId = request.path("custom_id").asText();
            ObjectNode line = SimulatorJson.mapper().createObjectNode();
            line.put("id", "batch_req_" + String.format("%016x", StableHash.of(b.id + "\n" + customId)));
            line.put("custom_id", customId);
            if (i >= answered) {
                line.putNull("response");
                line.putObject("error")
                        .put("code", "batch_expired")
                        .put("message", "This request could not be executed before the completion window expired.");
                errors.append(SimulatorJson.write(line)).append('\n');
                b.failed++;
                continue;
            }
            boolean firstSight = seenCustomIds.add(customId);
            LineReply reply = firstSight
                            && StableHash.unit(StableHash.of(seed + "\nbatch-line\n" + customId)) < faults.lineFailure()
                    ? new LineReply(500, ApiError.injectedServerError().toJson(ErrorDialect.OPENAI))
                    : lines.answer(
                            b.endpoint, SimulatorJson.write(request.get("body")).getBytes(StandardCharsets.UTF_8));
            ObjectNode response = line.putObject("response");
            response.put("status_code", reply.status());
            response.put("request_id", String.format("req_%016x", StableHash.of(b.id + "\nreq\n" + customId)));
            response.set("body", reply.body());
            line.putNull("error");
            if (reply.status() == 200) {
                output.append(SimulatorJson.write(line)).append('\n');
                b.completed++;
            } else {
                errors.append(SimulatorJson.write(line)).append('\n');
                b.failed++;
            }
        }
        if (output.length() > 0) {
            b.outputFileId = keep(b.id + "_output.jsonl", output);
        }
        if (errors.length() > 0) {
            b.errorFileId = keep(b.id + "_error.jsonl", errors);
        }
        b.status = expire ? "expired" : "completed";
        b.times.put(expire ? "expired_at" : "completed_at", now());
    }

    private String keep(String filename, StringBuilder content) {
        StoredFile file = new StoredFile(
                nextId("file-"), filename, "batch_output", content.toString().getBytes(StandardCharsets.UTF_8), now());
        files.put(file.id(), file);
        return file.id();
    }

    private static ObjectNode toJson(Batch b) {
        ObjectNode json = SimulatorJson.mapper().createObjectNode();
        json.put("id", b.id);
        json.put("object", "batch");
        json.put("endpoint", b.endpoint);
        if (b.errors == null) {
            json.putNull("errors");
        } else {
            ObjectNode errors = json.putObject("errors");
            errors.put("object", "list");
            errors.set("data", b.errors);
        }
        json.put("input_file_id", b.inputFileId);
        json.put("completion_window", b.window);
        json.put("status", b.status);
        putOrNull(json, "output_file_id", b.outputFileId);
        putOrNull(json, "error_file_id", b.errorFileId);
        json.put("created_at", b.createdAt);
        for (String time : List.of(
                "in_progress_at",
                "expires_at",
                "finalizing_at",
                "completed_at",
                "failed_at",
                "expired_at",
                "cancelling_at",
                "cancelled_at")) {
            Long at = time.equals("expires_at") ? Long.valueOf(b.createdAt + DAY_SECONDS) : b.times.get(time);
            if (at == null) {
                json.putNull(time);
            } else {
                json.put(time, at);
            }
        }
        ObjectNode counts = json.putObject("request_counts");
        counts.put("total", b.total);
        counts.put("completed", b.completed);
        counts.put("failed", b.failed);
        if (b.metadata == null) {
            json.putNull("metadata");
        } else {
            json.set("metadata", b.metadata);
        }
        return json;
    }

    private static void putOrNull(ObjectNode json, String field, String value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
