package io.judgeforge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Reads request bodies as JSON trees. Trees rather than records because the OpenAI API has many
 * optional fields that clients send freely, and unknown fields must be ignored, not rejected (the
 * project mapper rejects unknown properties when binding records).
 */
final class RequestFields {
    // Trailing garbage after the JSON object is malformed input, not something to ignore silently.
    private static final ObjectReader READER =
            SimulatorJson.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestFields() {}

    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.invalidRequest(
                    "The request body is not valid JSON: " + e.getOriginalMessage(), null, "invalid_json");
        } catch (IOException e) {
            throw ApiError.invalidRequest(
                    "The request body could not be read: " + e.getMessage(), null, "invalid_json");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.invalidRequest("The request body must be a JSON object", null, "invalid_json");
        }
        return (ObjectNode) node;
    }

    /** The request's model, or null when the body is not a JSON object with a string model: a look, not a check. */
    static String peekModel(byte[] body) {
        try {
            JsonNode node = READER.readTree(body);
            JsonNode model = node == null ? null : node.get("model");
            return model != null && model.isTextual() ? model.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String requiredString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.invalidRequest(
                    "Missing required parameter: '" + field + "'", field, "missing_required_parameter");
        }
        if (!value.isTextual()) {
            throw ApiError.invalidRequest("'" + field + "' must be a string", field, "invalid_type");
        }
        return value.textValue();
    }

    /** What a fault-trigger model (see {@link Realism#faultTriggers()}) answers with when it answers at all. */
    static final double TRIGGER_MODEL_STRENGTH = 0.5;

    /** The strength of the requested model; unknown models are a 404 like on OpenAI. */
    static double modelStrength(SimulatorSettings settings, String model) {
        Double strength = settings.strengthOf(model);
        if (strength == null
                && settings.realism().faultTriggers()
                && FaultKind.triggeredBy(model).isPresent()) {
            return TRIGGER_MODEL_STRENGTH;
        }
        if (strength == null) {
            throw ApiError.modelNotFound(model);
        }
        return strength;
    }

    static OptionalInt optionalInt(ObjectNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw ApiError.invalidRequest(
                    "'" + field + "' must be an integer from " + min + " to " + max + ", got " + value,
                    field,
                    "invalid_value");
        }
        return OptionalInt.of(value.intValue());
    }

    static boolean optionalBoolean(ObjectNode body, String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiError.invalidRequest("'" + field + "' must be a boolean, got " + value, field, "invalid_type");
        }
        return value.booleanValue();
    }

    /** The simulator answers in one piece; a client expecting server-sent events would misread that. */
    static void rejectStreaming(ObjectNode body) {
        if (optionalBoolean(body, "stream", false)) {
            throw ApiError.invalidRequest("The simulator does not support stream=true", "stream", "unsupported_value");
        }
    }
}
