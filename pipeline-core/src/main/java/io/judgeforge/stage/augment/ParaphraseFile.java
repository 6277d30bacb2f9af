package io.judgeforge.stage.augment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.judgeforge.config.ConfigException;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file {@code augment.paraphrases} names (e.g. {@code conf/criteria-paraphrases.yaml}): each
 * criterion name of the catalog, in any case, maps to a list of {@code {name, description}} that say
 * the same in other words. Bound strictly, so a misspelt key or a missing field stops the run with
 * the file and the place named instead of quietly making no paraphrase.
 */
public final class ParaphraseFile {
    private static final String KEY = "augment.paraphrases";
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ParaphraseFile() {}

    /** The paraphrases by lower-case criterion name; {@code source} names the file in error messages. */
    public static Map<String, List<Paraphrase>> parse(String yaml, String source) {
        Map<String, List<Paraphrase>> raw = read(yaml, source);
        // A blank file, and a document that is only "---" or "~", read as nothing.
        if (raw == null) {
            throw new ConfigException(
                    KEY + ": " + source + " is empty (expected criterion name: [{name, description}, ...])");
        }
        Map<String, List<Paraphrase>> byName = new LinkedHashMap<>();
        raw.forEach((criterion, options) -> {
            if (options == null) {
                throw new ConfigException(
                        KEY + ": " + source + ": '" + criterion + "' has no list of {name, description}");
            }
            for (int i = 0; i < options.size(); i++) {
                Paraphrase p = options.get(i);
                // Checked here rather than by Jackson, which would report a missing field before a misspelt one.
                if (p == null
                        || p.name() == null
                        || p.name().isBlank()
                        || p.description() == null
                        || p.description().isBlank()) {
                    throw new ConfigException(
                            KEY + ": " + source + ": " + criterion + "[" + i + "] needs a name and a description");
                }
            }
            if (byName.put(criterion.toLowerCase(Locale.ROOT), List.copyOf(options)) != null) {
                throw new ConfigException(
                        KEY + ": " + source + ": '" + criterion + "' is listed twice (names match in any case)");
            }
        });
        return byName;
    }

    /** The place of a binding error, as {@code criterion[index]}. */
    private static String where(List<JsonMappingException.Reference> path) {
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                at.append('[').append(r.getIndex()).append(']');
            }
        }
        return at.length() == 0 ? "the top level" : at.toString();
    }

    private static Map<String, List<Paraphrase>> read(String yaml, String source) {
        try {
            return yaml.isBlank()
                    ? null
                    : MAPPER.readValue(yaml, new TypeReference<LinkedHashMap<String, List<Paraphrase>>>() {});
        } catch (UnrecognizedPropertyException e) {
            List<JsonMappingException.Reference> path = e.getPath();
            throw new ConfigException(
                    KEY + ": " + source + ": unknown key '" + e.getPropertyName() + "' at "
                            + where(path.subList(0, path.size() - 1)) + " (expected name and description)",
                    e);
        } catch (JsonMappingException e) {
            throw new ConfigException(
                    KEY + ": " + source + ": cannot read " + where(e.getPath()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(KEY + ": cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
