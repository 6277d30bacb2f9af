package io.judgeforge.stage.classify;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.StrictYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A public benchmark's category labels, each mapped to the set of catalog scenario ids that count as agreeing
 * with it; read from {@code conf/category-mappings/<benchmark>.yaml} (the files document the format).
 *
 * <p>A category may replace its set for some of its subcategories. Subcategory entries belong to one category
 * because benchmarks reuse a subcategory name under different categories with different content.
 *
 * <p>Asking for a category the file does not map is an error, not an empty set: an empty set would score
 * every such item as a disagreement and quietly lower the figure, while the real fault is a stale mapping.
 */
public final class CategoryMapping {
    private final String source;
    private final String benchmark;
    private final String field;
    private final String subfield;
    private final Map<String, Entry> categories;

    /** One category: its own set, and the sets that replace it for some subcategories. */
    private record Entry(Set<String> accept, Map<String, Set<String>> subcategories) {}

    /** A mapping file as written, bound strictly and then checked by {@link #parse}; a key left out is null. */
    record MappingFile(String benchmark, String field, String subfield, Map<String, CategoryEntry> categories) {}

    record CategoryEntry(List<String> accept, Map<String, SubcategoryEntry> subcategories) {}

    record SubcategoryEntry(List<String> accept) {}

    private CategoryMapping(
            String source, String benchmark, String field, String subfield, Map<String, Entry> categories) {
        this.source = source;
        this.benchmark = benchmark;
        this.field = field;
        this.subfield = subfield;
        this.categories = categories;
    }

    /** Reads a mapping file; every accepted id must be one of {@code scenarioIds} (the catalog's ids). */
    public static CategoryMapping load(Path file, Set<String> scenarioIds) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the category mapping " + file + ": " + e.getMessage(), e);
        }
        return parse(yaml, file.toString(), scenarioIds);
    }

    /** Parses mapping YAML; {@code source} names it in error messages. */
    public static CategoryMapping parse(String yaml, String source, Set<String> scenarioIds) {
        // Strict: a category written twice is an error rather than its last entry silently kept.
        MappingFile file = StrictYaml.read(yaml, MappingFile.class, "category mapping", source);
        String benchmark = text(file.benchmark(), "benchmark", true, source);
        String field = text(file.field(), "field", true, source);
        String subfield = text(file.subfield(), "subfield", false, source);
        if (file.categories() == null || file.categories().isEmpty()) {
            throw new ConfigException("The category mapping " + source + " needs a non-empty mapping 'categories'");
        }
        Map<String, Entry> categories = new LinkedHashMap<>();
        file.categories().forEach((category, entry) -> {
            String where = "categories." + category;
            Set<String> accept = accept(entry.accept(), where, source, scenarioIds);
            Map<String, Set<String>> subs = new LinkedHashMap<>();
            if (entry.subcategories() != null) {
                // An override with no subfield to read it from could never apply; say so rather than ignore it.
                if (!entry.subcategories().isEmpty() && subfield.isEmpty()) {
                    throw new ConfigException(source + ": " + where + ".subcategories is set but 'subfield' is empty,"
                            + " so no item has a subcategory to look up");
                }
                entry.subcategories()
                        .forEach((sub, subEntry) -> subs.put(
                                sub, accept(subEntry.accept(), where + ".subcategories." + sub, source, scenarioIds)));
            }
            categories.put(category, new Entry(accept, Collections.unmodifiableMap(subs)));
        });
        return new CategoryMapping(source, benchmark, field, subfield, Collections.unmodifiableMap(categories));
    }

    /** The benchmark's name, as the file gives it. */
    public String benchmark() {
        return benchmark;
    }

    /** The record field that holds the category label. */
    public String field() {
        return field;
    }

    /** The record field that holds the subcategory label, or {@code ""} when the benchmark has none. */
    public String subfield() {
        return subfield;
    }

    /** The mapped categories, in file order. */
    public Set<String> categories() {
        return categories.keySet();
    }

    /** The subcategories of {@code category} that have their own set, in file order. */
    public Set<String> subcategories(String category) {
        return entry(category).subcategories().keySet();
    }

    /**
     * The scenario ids that agree with an item of {@code category}: the subcategory's own set where it has one,
     * otherwise the category's. Never empty.
     *
     * @param subcategory the item's subcategory, or {@code null} when it has none
     * @throws IllegalArgumentException if the file does not map {@code category}
     */
    public Set<String> accepted(String category, String subcategory) {
        Entry e = entry(category);
        Set<String> sub = subcategory == null ? null : e.subcategories().get(subcategory);
        return sub != null ? sub : e.accept();
    }

    private Entry entry(String category) {
        Entry e = category == null ? null : categories.get(category);
        if (e == null) {
            throw new IllegalArgumentException(benchmark + " category '" + category + "' is not mapped in " + source
                    + " (mapped: " + categories.keySet() + "); add it to the file");
        }
        return e;
    }

    private static Set<String> accept(List<String> list, String where, String source, Set<String> scenarioIds) {
        if (list == null || list.isEmpty()) {
            throw new ConfigException(source + ": " + where + ".accept must be a non-empty list of scenario ids");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list) {
            if (!scenarioIds.contains(id)) {
                throw new ConfigException(source + ": " + where + ".accept has unknown scenario id '" + id
                        + "' (the catalog has " + scenarioIds + ")");
            }
            if (!ids.add(id)) {
                throw new ConfigException(source + ": " + where + ".accept lists '" + id + "' twice");
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    private static String text(String value, String key, boolean required, String source) {
        if (value == null) {
            if (required) {
                throw new ConfigException("The category mapping " + source + " needs '" + key + "'");
            }
            return "";
        }
        if (required && value.isBlank()) {
            throw new ConfigException(source + ": '" + key + "' must be a non-empty string");
        }
        return value.strip();
    }
}
