package io.judgeforge.stage.classify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.judgeforge.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
  private static final Set<String> ROOT_KEYS = Set.of("benchmark", "field", "subfield", "categories");
  private static final Set<String> ENTRY_KEYS = Set.of("accept", "subcategories");
  private static final Set<String> SUBENTRY_KEYS = Set.of("accept");

  private final String source;
  private final String benchmark;
  private final String field;
  private final String subfield;
  private final Map<String, Entry> categories;

  /** One category: its own set, and the sets that replace it for some subcategories. */
  private record Entry(Set<String> accept, Map<String, Set<String>> subcategories) {}

  private CategoryMapping(String source, String benchmark, String field, String subfield, Map<String, Entry> categories) {
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
    // Without this a category written twice would silently keep only its last entry.
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (IOException e) {
      throw new ConfigException("Cannot read the category mapping " + source + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("The category mapping " + source + " is not a YAML mapping");
    }
    checkKeys(root, ROOT_KEYS, source, "the top level");
    String benchmark = text(root, "benchmark", true, source);
    String field = text(root, "field", true, source);
    String subfield = text(root, "subfield", false, source);
    JsonNode cats = root.path("categories");
    if (!cats.isObject() || cats.isEmpty()) {
      throw new ConfigException("The category mapping " + source + " needs a non-empty mapping 'categories'");
    }
    Map<String, Entry> categories = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> cat = it.next();
      String where = "categories." + cat.getKey();
      JsonNode node = cat.getValue();
      if (!node.isObject()) {
        throw new ConfigException(source + ": " + where + " must be a mapping with 'accept'");
      }
      checkKeys(node, ENTRY_KEYS, source, where);
      Set<String> accept = accept(node, where, source, scenarioIds);
      Map<String, Set<String>> subs = new LinkedHashMap<>();
      JsonNode subNodes = node.path("subcategories");
      if (!subNodes.isMissingNode() && !subNodes.isNull()) {
        if (!subNodes.isObject()) {
          throw new ConfigException(source + ": " + where + ".subcategories must be a mapping");
        }
        // An override with no subfield to read it from could never apply; say so rather than ignore it.
        if (!subNodes.isEmpty() && subfield.isEmpty()) {
          throw new ConfigException(source + ": " + where + ".subcategories is set but 'subfield' is empty,"
              + " so no item has a subcategory to look up");
        }
        for (Iterator<Map.Entry<String, JsonNode>> subIt = subNodes.fields(); subIt.hasNext(); ) {
          Map.Entry<String, JsonNode> sub = subIt.next();
          String subWhere = where + ".subcategories." + sub.getKey();
          if (!sub.getValue().isObject()) {
            throw new ConfigException(source + ": " + subWhere + " must be a mapping with 'accept'");
          }
          checkKeys(sub.getValue(), SUBENTRY_KEYS, source, subWhere);
          subs.put(sub.getKey(), accept(sub.getValue(), subWhere, source, scenarioIds));
        }
      }
      categories.put(cat.getKey(), new Entry(accept, Collections.unmodifiableMap(subs)));
    }
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

  private static Set<String> accept(JsonNode node, String where, String source, Set<String> scenarioIds) {
    JsonNode list = node.path("accept");
    if (!list.isArray() || list.isEmpty()) {
      throw new ConfigException(source + ": " + where + ".accept must be a non-empty list of scenario ids");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode id : list) {
      if (!id.isTextual()) {
        throw new ConfigException(source + ": " + where + ".accept has '" + id + "', which is not a scenario id");
      }
      if (!scenarioIds.contains(id.asText())) {
        throw new ConfigException(source + ": " + where + ".accept has unknown scenario id '" + id.asText()
            + "' (the catalog has " + scenarioIds + ")");
      }
      if (!ids.add(id.asText())) {
        throw new ConfigException(source + ": " + where + ".accept lists '" + id.asText() + "' twice");
      }
    }
    return Collections.unmodifiableSet(ids);
  }

  private static String text(JsonNode root, String key, boolean required, String source) {
    JsonNode v = root.path(key);
    if (v.isMissingNode() || v.isNull()) {
      if (required) {
        throw new ConfigException("The category mapping " + source + " needs '" + key + "'");
      }
      return "";
    }
    if (!v.isTextual() || (required && v.asText().isBlank())) {
      throw new ConfigException(source + ": '" + key + "' must be " + (required ? "a non-empty " : "a ") + "string");
    }
    return v.asText().strip();
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String source, String where) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw new ConfigException(source + ": unknown key '" + k + "' in " + where + " (allowed: "
            + allowed.stream().sorted().toList() + ")");
      }
    });
  }
}
