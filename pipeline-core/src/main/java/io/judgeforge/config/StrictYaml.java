package io.judgeforge.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/**
 * Reads a YAML document the project ships (the scenario catalog, a category mapping) into records with kebab-case
 * keys, strictly: an unknown or repeated key, a list or mapping holding an empty value, and a value of the wrong kind
 * (a number or true/false where text is expected included) are each a {@link ConfigException} naming the file and the
 * key's path (and, but for an unknown key, its line). A key left out is {@code null} in the record, for the caller to
 * require or default.
 */
public final class StrictYaml {
    private static final ObjectMapper YAML = build();

    private StrictYaml() {}

    /**
     * The document bound to {@code type}.
     *
     * @param document what the file is, for messages: "scenario catalog"
     * @param source the file, as messages name it
     */
    public static <T> T read(String yaml, Class<T> type, String document, String source) {
        T value;
        try {
            value = YAML.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw translate(e, document, source);
        }
        if (value == null) {
            throw notAMapping(document, source);
        }
        return value;
    }

    private static ConfigException translate(JsonProcessingException e, String document, String source) {
        String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException syntax) {
                return new ConfigException(
                        "Cannot read the " + document + " " + source + line + ": " + syntax.getOriginalMessage(), e);
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            // No line: a record's keys are all read before an unknown one is reported, so the parser is past it.
            List<JsonMappingException.Reference> path = unknown.getPath();
            String where = path.size() < 2 ? "the top level" : BindingTerms.keyPath(path.subList(0, path.size() - 1));
            return new ConfigException(
                    source + ": unknown key '" + unknown.getPropertyName() + "' in " + where + " (allowed: "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .sorted()
                                    .toList() + ")",
                    e);
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return notAMapping(document, source);
            }
            return new ConfigException(
                    source + line + ": " + BindingTerms.keyPath(mismatch.getPath()) + " must be "
                            + BindingTerms.kind(mismatch.getTargetType()),
                    e);
        }
        return new ConfigException(
                "Cannot read the " + document + " " + source + line + ": " + e.getOriginalMessage(), e);
    }

    private static ConfigException notAMapping(String document, String source) {
        return new ConfigException("The " + document + " " + source + " is not a YAML mapping");
    }

    private static ObjectMapper build() {
        ObjectMapper mapper = YAMLMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // A "- " or "key:" with nothing after it inside a list or mapping is an error, not a null entry.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        for (CoercionInputShape scalar :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
