package io.judgeforge.stage.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the instructions out of a teacher's answer: a numbered or bulleted list (items may span
 * several lines), or a JSON array of strings. Text before the first item ("Here are five
 * questions:") is ignored.
 */
public final class QuestionListParser {
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:\\d{1,3}[.)]|[-*\u2022]|Q\\d{1,3}[.:)])\\s+(.*)$");

    private QuestionListParser() {}

    public static List<String> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            List<String> fromJson = parseJsonArray(trimmed);
            if (!fromJson.isEmpty()) {
                return fromJson;
            }
        }
        List<String> items = new ArrayList<>();
        StringBuilder current = null;
        for (String line : trimmed.split("\\R")) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    items.add(current.toString().strip());
                }
                current = new StringBuilder(m.group(1).strip());
            } else if (current != null && !line.isBlank()) {
                current.append('\n').append(line.strip());
            }
        }
        if (current != null) {
            items.add(current.toString().strip());
        }
        items.removeIf(String::isBlank);
        return items;
    }

    private static List<String> parseJsonArray(String text) {
        List<String> items = new ArrayList<>();
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node.isArray()) {
                for (JsonNode n : node) {
                    if (n.isTextual() && !n.asText().isBlank()) {
                        items.add(n.asText().strip());
                    }
                }
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return items;
    }
}
