package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against conf/defaults.yaml: each key of the defaults has a row with its default, and each
 * row names a key the config binds.
 *
 * <p>A key is a dotted path down nested mappings; a list, an empty mapping (a map whose entries the user names, such as
 * {@code generate.quotas}) and a scalar end a path. The entries of three such maps and lists have fields of their
 * own that the defaults give no value for; their rows are {@code endpoints.<name>.base-url} (an endpoint's other
 * fields are those of {@code endpoint-defaults}), {@code prices.<model>.*} and {@code respond.pool[].*}, and the
 * fields are those of the records they bind to.
 */
class ConfigurationDocTest {
    static final JsonNode DEFAULTS = readDefaults();
    static final Map<String, String> ROWS = readRows();
    static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    static JsonNode readDefaults() {
        try {
            return new YAMLMapper().readTree(Files.readString(Path.of("../conf/defaults.yaml")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Key -> default cell of every table row whose first cell is a key in backticks. */
    static Map<String, String> readRows() {
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|");
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String line :
                ConfigLoaderTest.read("../docs/configuration.md").lines().toList()) {
            Matcher m = row.matcher(line);
            if (m.find() && rows.put(m.group(1), m.group(2).strip()) != null) {
                repeated.add(m.group(1));
            }
        }
        assertEquals(List.of(), repeated, "keys documented twice");
        return rows;
    }

    /** The dotted keys of the defaults with their values. */
    static Map<String, JsonNode> flatten(JsonNode node, String prefix, Map<String, JsonNode> into) {
        node.fields().forEachRemaining(field -> {
            String key = prefix + field.getKey();
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                flatten(field.getValue(), key + ".", into);
            } else {
                into.put(key, field.getValue());
            }
        });
        return into;
    }

    static List<String> fields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(c -> KEBAB.translate(c.getName()))
                .toList();
    }

    static List<String> keys(JsonNode mapping) {
        List<String> keys = new ArrayList<>();
        mapping.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** How a default is written in its row: as YAML's flow style would, strings unquoted unless empty. */
    static String shown(JsonNode value) {
        if (value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false)
                    .map(ConfigurationDocTest::shown)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (value.isObject()) {
            return "{}";
        }
        return value.isTextual() && value.asText().isEmpty() ? "\"\"" : value.asText();
    }

    @Test
    void theDocumentedKeysAreTheKeysOfTheDefaultsAndTheirEntries() {
        Set<String> expected =
                new TreeSet<>(flatten(DEFAULTS, "", new LinkedHashMap<>()).keySet());
        List<String> endpointFields = new ArrayList<>(fields(PipelineConfig.Endpoint.class));
        endpointFields.removeAll(keys(DEFAULTS.get("endpoint-defaults")));
        endpointFields.forEach(field -> expected.add("endpoints.<name>." + field));
        fields(PipelineConfig.Price.class).forEach(field -> expected.add("prices.<model>." + field));
        fields(PipelineConfig.AnswerModel.class).forEach(field -> expected.add("respond.pool[]." + field));
        assertTrue(expected.size() > 100, "expected the whole key set, found " + expected);
        Set<String> undocumented = new TreeSet<>(expected);
        undocumented.removeAll(ROWS.keySet());
        Set<String> unknown = new TreeSet<>(ROWS.keySet());
        unknown.removeAll(expected);
        assertEquals(
                "undocumented: [], documented but not a key: []",
                "undocumented: " + undocumented + ", documented but not a key: " + unknown);
    }

    @Test
    void everyDefaultIsTheOneInDefaultsYaml() {
        List<String> wrong = new ArrayList<>();
        flatten(DEFAULTS, "", new LinkedHashMap<>()).forEach((key, value) -> {
            String cell = "`" + shown(value) + "`";
            if (ROWS.containsKey(key) && !ROWS.get(key).equals(cell)) {
                wrong.add(key + ": documented " + ROWS.get(key) + ", defaults.yaml " + cell);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void anEndpointTakesBaseUrlAndEveryEndpointDefaultAndAQuizScenarioTheQuizKeys() {
        // What the rows of endpoint-defaults and generate.quiz say about endpoints.<name> and
        // generate.quiz-by-scenario.
        List<String> endpointDefaults = new ArrayList<>(List.of("base-url"));
        endpointDefaults.addAll(keys(DEFAULTS.get("endpoint-defaults")));
        assertEquals(new TreeSet<>(fields(PipelineConfig.Endpoint.class)), new TreeSet<>(endpointDefaults));
        assertEquals(fields(PipelineConfig.Quiz.class), keys(DEFAULTS.at("/generate/quiz")));
    }
}
