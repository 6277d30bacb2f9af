package io.judgeforge.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The type check of an input line's text fields. Spark's reader (and Jackson's, for a String) turns a number or an
 * array where a string is expected into its JSON text, so {@code "text": 42} would become the instruction "42": the
 * readers look at the line as written instead, and a row with such a field is quarantined as {@code wrong_type}.
 */
public final class StringFields {
    private StringFields() {}

    /**
     * The first of {@code fields} whose value in the JSON object {@code line} is neither a string nor null, as
     * "field 'text' is a number, expected a string"; empty when every one is a string, null or absent, and when the
     * line is not a JSON object (whose own check is the reader's malformed-line one).
     */
    public static Optional<String> wrongType(String line, List<String> fields) {
        JsonNode row;
        try {
            row = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (row == null || !row.isObject()) {
            return Optional.empty();
        }
        for (String field : fields) {
            JsonNode value = row.get(field);
            if (value != null && !value.isTextual() && !value.isNull()) {
                return Optional.of("field '" + field + "' is " + typeName(value) + ", expected a string");
            }
        }
        return Optional.empty();
    }

    private static String typeName(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
