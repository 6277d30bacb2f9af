package io.judgeforge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link PipelineConfig} from the bundled defaults, one run file and {@code --set}
 * overrides. Every failure is a {@link ConfigException} whose message names the offending key.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/io/judgeforge/config/defaults.yaml";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigLoader() {}

    /** The defaults, with the run file's YAML text merged over them, then each override. */
    public static ObjectNode tree(String runYaml, List<String> overrides) {
        ObjectNode defaults = parse(defaultsYaml(), "the bundled defaults");
        ObjectNode tree = defaults.deepCopy();
        if (runYaml != null && !runYaml.isBlank()) {
            JsonNode run = parse(runYaml, "the config file");
            merge(tree, run, "");
        }
        for (String override : overrides) {
            applyOverride(tree, defaults, override);
        }
        return tree;
    }

    /** Binds a merged tree, replacing {@code ${name}} references by {@code variables}. */
    public static PipelineConfig bind(ObjectNode tree, Map<String, String> variables) {
        ObjectNode resolved = tree.deepCopy();
        applyEndpointDefaults(resolved);
        substitute(resolved, "", variables);
        try {
            return YAML.treeToValue(resolved, PipelineConfig.class);
        } catch (JsonProcessingException e) {
            throw translate(e, resolved);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw translate(jpe, resolved);
            }
            throw e;
        }
    }

    // endpoint-defaults fill each endpoint entry's missing keys, then leave the tree: they are not a
    // setting of their own.
    private static void applyEndpointDefaults(ObjectNode tree) {
        JsonNode defaults = tree.remove("endpoint-defaults");
        JsonNode endpoints = tree.path("endpoints");
        if (defaults == null || !endpoints.isObject()) {
            return;
        }
        endpoints.fields().forEachRemaining(entry -> {
            if (entry.getValue().isObject()) {
                ObjectNode endpoint = (ObjectNode) entry.getValue();
                defaults.fields().forEachRemaining(d -> {
                    if (!endpoint.has(d.getKey())) {
                        endpoint.set(d.getKey(), d.getValue());
                    }
                });
            }
        });
    }

    /** Reads one section of the merged tree before the whole is bound (the simulator starts first). */
    public static <T> T section(ObjectNode tree, String key, Class<T> type) {
        try {
            return YAML.treeToValue(tree.path(key), type);
        } catch (JsonProcessingException e) {
            throw new ConfigException("Invalid section '" + key + "': " + e.getOriginalMessage(), e);
        }
    }

    public static String defaultsYaml() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + DEFAULTS + " (is the build complete?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parse(String yaml, String what) {
        try {
            JsonNode node = YAML.readTree(yaml);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("Cannot read " + what + ": the top level must be a mapping of keys");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("Cannot read " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void merge(ObjectNode target, JsonNode source, String prefix) {
        boolean open = target.isEmpty() && !prefix.isEmpty();
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null && !open) {
                throw unknownKey(key);
            }
            if (existing != null
                    && existing.isObject()
                    && !existing.isEmpty()
                    && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), key + ".");
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyOverride(ObjectNode tree, ObjectNode defaults, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(
                    "Invalid --set '" + override + "' (expected key=value, for example generate.quota=20)");
        }
        String key = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        JsonNode value;
        try {
            value = raw.isEmpty() ? TextNode.valueOf("") : YAML.readTree(raw);
        } catch (JsonProcessingException e) {
            value = TextNode.valueOf(raw);
        }
        if (value == null || value.isMissingNode()) {
            value = TextNode.valueOf(raw);
        }
        // A key may be created only beneath a map that the defaults leave open (endpoints, quotas);
        // the fields of such an entry are checked when the record binds.
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        JsonNode defaultsNode = defaults;
        boolean open = false;
        for (int i = 0; i < parts.length; i++) {
            open = open || (defaultsNode.isObject() && defaultsNode.isEmpty() && i > 0);
            boolean last = i == parts.length - 1;
            JsonNode child = node.get(parts[i]);
            if (child == null && !open) {
                throw unknownKey(key);
            }
            if (last) {
                node.set(parts[i], value);
            } else {
                if (child == null) {
                    child = node.putObject(parts[i]);
                }
                if (!child.isObject()) {
                    throw unknownKey(key);
                }
                node = (ObjectNode) child;
                defaultsNode = defaultsNode.path(parts[i]);
            }
        }
    }

    private static void substitute(ObjectNode node, String prefix, Map<String, String> variables) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                substitute((ObjectNode) value, key + ".", variables);
            } else if (value.isTextual() && value.asText().contains("${")) {
                Matcher m = VARIABLE.matcher(value.asText());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String replacement = variables.get(m.group(1));
                    if (replacement == null) {
                        throw new ConfigException("Cannot resolve '${" + m.group(1) + "}' in '" + key
                                + "' (known here: " + variables.keySet() + ")");
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(replacement));
                }
                m.appendTail(out);
                field.setValue(TextNode.valueOf(out.toString()));
            }
        }
    }

    private static ConfigException unknownKey(String key) {
        return new ConfigException("Unknown config key '" + key + "' (every key is listed in conf/defaults.yaml)");
    }

    private static ConfigException translate(JsonProcessingException e, JsonNode tree) {
        String key = e instanceof JsonMappingException jme ? BindingTerms.keyPath(jme.getPath()) : "?";
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigException ce) {
            return ce;
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return unknownKey(key);
        }
        if (e instanceof InvalidFormatException ife) {
            return ConfigException.invalid(key, ife.getValue(), BindingTerms.kind(ife.getTargetType()));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Missing required creator property")) {
            return new ConfigException("Missing config key '" + key + "'");
        }
        if (e instanceof MismatchedInputException mie) {
            String expected = mie.getTargetType() == null ? "another type" : BindingTerms.kind(mie.getTargetType());
            JsonNode given = at(tree, (JsonMappingException) e);
            String shown = given == null || given.isMissingNode()
                    ? ""
                    : ": " + (given.isTextual() ? "'" + given.asText() + "'" : given.toString());
            return new ConfigException("Invalid value for '" + key + "'" + shown + " (expected " + expected + ")", e);
        }
        return new ConfigException("Invalid config at '" + key + "': " + e.getOriginalMessage(), e);
    }

    private static JsonNode at(JsonNode tree, JsonMappingException e) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
        }
        return node;
    }
}
