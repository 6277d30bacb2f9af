package io.judgeforge.prompt;

import io.judgeforge.hash.Sha256;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template file with {@code {{name}}} placeholders. Its version is a hash of its text, so
 * every record made with it can say exactly which wording produced it.
 */
public record PromptTemplate(String name, String text, String version) implements Serializable {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(name, text, name + "@" + Sha256.hex(text).substring(0, 12));
    }

    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Fills every placeholder. A placeholder without a value, or a value without a placeholder, is a
     * programming or template error and fails loudly rather than sending a half-filled prompt.
     */
    public String render(Map<String, String> values) {
        Set<String> expected = placeholders();
        if (!expected.equals(values.keySet())) {
            throw new IllegalArgumentException(
                    "Template " + name + " takes " + expected + " but was given " + values.keySet());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
