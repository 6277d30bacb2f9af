package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * OpenAI's stored chat completions: a chat request with {@code store: true} is kept with its
 * {@code metadata}, and {@code GET /v1/chat/completions} lists the kept ones, filtered by
 * {@code model} and {@code metadata[key]=value}, paged by {@code after}, {@code limit} (1..100,
 * default 20) and {@code order} (asc, the default, or desc); {@code GET /v1/chat/completions/{id}}
 * returns one. A completion is kept once the server has produced it, whether or not its reply
 * reaches the client: what a client that died mid-call can still find.
 *
 * <p>{@code metadata} is checked as OpenAI documents it: at most 16 pairs, string keys of at most 64
 * characters and string values of at most 512; {@code store} must be a boolean.
 */
final class StoredCompletions {
    static final int MAX_PAIRS = 16;
    static final int MAX_KEY_CHARS = 64;
    static final int MAX_VALUE_CHARS = 512;

    private record Kept(String id, String model, Map<String, String> metadata, ObjectNode completion) {}

    private final List<Kept> kept = new CopyOnWriteArrayList<>();

    /** Checks {@code store} and {@code metadata} of a chat request body; throws the 400 OpenAI gives. */
    static void check(ObjectNode body) {
        RequestFields.optionalBoolean(body, "store", false);
        metadata(body);
    }

    private static Map<String, String> metadata(ObjectNode body) {
        JsonNode value = body.get("metadata");
        Map<String, String> pairs = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return pairs;
        }
        if (!value.isObject()) {
            throw ApiError.invalidRequest(
                    "'metadata' must be an object of string keys and string values, got " + value,
                    "metadata",
                    "invalid_type");
        }
        if (value.size() > MAX_PAIRS) {
            throw ApiError.invalidRequest(
                    "'metadata' may hold at most " + MAX_PAIRS + " pairs, got " + value.size(),
                    "metadata",
                    "invalid_value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = it.next();
            if (pair.getKey().length() > MAX_KEY_CHARS) {
                throw ApiError.invalidRequest(
                        "A 'metadata' key is longer than " + MAX_KEY_CHARS + " characters",
                        "metadata",
                        "invalid_value");
            }
            if (!pair.getValue().isTextual() || pair.getValue().asText().length() > MAX_VALUE_CHARS) {
                throw ApiError.invalidRequest(
                        "'metadata." + pair.getKey() + "' must be a string of at most " + MAX_VALUE_CHARS
                                + " characters",
                        "metadata",
                        "invalid_value");
            }
            pairs.put(pair.getKey(), pair.getValue().asText());
        }
        return pairs;
    }

    /** Keeps {@code completion} (a copy) when the request asked for it with {@code store: true}. */
    void keepIfAsked(byte[] requestBody, ObjectNode completion) {
        ObjectNode body = RequestFields.parseObject(requestBody);
        if (!RequestFields.optionalBoolean(body, "store", false)) {
            return;
        }
        ObjectNode copy = completion.deepCopy();
        kept.add(new Kept(copy.path("id").asText(), copy.path("model").asText(), Map.copyOf(metadata(body)), copy));
    }

    /** The list for {@code rawQuery}, in OpenAI's {@code ChatCompletionList} shape. */
    ObjectNode list(String rawQuery) {
        Map<String, String> query = QueryString.parse(rawQuery);
        int limit = 20;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                throw ApiError.invalidRequest(
                        "'limit' must be an integer from 1 to 100, got " + query.get("limit"),
                        "limit",
                        "invalid_value");
            }
        }
        String order = query.getOrDefault("order", "asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.invalidRequest("'order' must be asc or desc, got " + order, "order", "invalid_value");
        }
        List<Kept> matching = new ArrayList<>();
        for (Kept k : kept) {
            if (query.containsKey("model") && !query.get("model").equals(k.model())) {
                continue;
            }
            boolean all = true;
            for (Map.Entry<String, String> q : query.entrySet()) {
                if (q.getKey().startsWith("metadata[") && q.getKey().endsWith("]")) {
                    String key = q.getKey()
                            .substring("metadata[".length(), q.getKey().length() - 1);
                    all &= q.getValue().equals(k.metadata().get(key));
                }
            }
            if (all) {
                matching.add(k);
            }
        }
        if (order.equals("desc")) {
            java.util.Collections.reverse(matching);
        }
        int from = 0;
        if (query.containsKey("after")) {
            from = matching.size();
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(query.get("after"))) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<Kept> page = matching.subList(from, Math.min(matching.size(), from + limit));
        ObjectNode list = SimulatorJson.mapper().createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        page.forEach(k -> data.add(k.completion().deepCopy()));
        list.put("first_id", page.isEmpty() ? null : page.get(0).id());
        list.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
        list.put("has_more", from + page.size() < matching.size());
        return list;
    }

    /** The kept completion {@code id}, or OpenAI's 404. */
    ObjectNode get(String id) {
        for (Kept k : kept) {
            if (k.id().equals(id)) {
                return k.completion().deepCopy();
            }
        }
        throw new ApiError(404, "invalid_request_error", "No chat completion found with id '" + id + "'.", null, null);
    }
}
