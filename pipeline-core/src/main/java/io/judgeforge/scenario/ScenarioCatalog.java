package io.judgeforge.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.judgeforge.config.ConfigException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scenarios and grading tiers of a run, read from the catalog YAML ({@code conf/scenarios.yaml}). */
public final class ScenarioCatalog implements Serializable {
  private final Map<String, Scenario> scenarios;
  private final List<GradingTier> tiers;

  private ScenarioCatalog(Map<String, Scenario> scenarios, List<GradingTier> tiers) {
    this.scenarios = scenarios;
    this.tiers = tiers;
  }

  public static ScenarioCatalog parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new ConfigException("Cannot read the scenario catalog " + source + ": " + e.getMessage(), e);
    }
    List<GradingTier> tiers = new ArrayList<>();
    for (JsonNode t : required(root, "grading-tiers", source)) {
      tiers.add(new GradingTier(t.path("score").asInt(), text(t, "description", source), optionalText(t, "with-reference", source)));
    }
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    for (JsonNode s : required(root, "scenarios", source)) {
      String id = text(s, "id", source);
      List<Criterion> criteria = new ArrayList<>();
      for (JsonNode c : required(s, "criteria", source + " scenario " + id)) {
        criteria.add(new Criterion(text(c, "name", source), text(c, "description", source)));
      }
      GenerationMethod method;
      try {
        method = GenerationMethod.valueOf(text(s, "method", source).toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("Invalid method of scenario '" + id + "' in " + source + ": '" + s.path("method").asText() + "' (expected reference or quiz)");
      }
      if (scenarios.put(id, new Scenario(id, text(s, "name", source), text(s, "short", source), method,
          s.path("close-ended").asBoolean(false), text(s, "description", source), criteria)) != null) {
        throw new ConfigException("Duplicate scenario id '" + id + "' in " + source);
      }
      if (criteria.isEmpty()) {
        throw new ConfigException("Scenario '" + id + "' in " + source + " has no criteria");
      }
    }
    if (scenarios.isEmpty()) {
      throw new ConfigException("The scenario catalog " + source + " defines no scenarios");
    }
    // The catalog's order is kept: prompts list scenarios in it and reports follow it.
    return new ScenarioCatalog(java.util.Collections.unmodifiableMap(scenarios), List.copyOf(tiers));
  }

  public List<Scenario> scenarios() {
    return List.copyOf(scenarios.values());
  }

  public Optional<Scenario> find(String id) {
    return Optional.ofNullable(scenarios.get(id));
  }

  public Scenario get(String id) {
    Scenario s = scenarios.get(id);
    if (s == null) {
      throw new IllegalArgumentException("Unknown scenario '" + id + "' (catalog has " + scenarios.keySet() + ")");
    }
    return s;
  }

  public List<GradingTier> tiers() {
    return tiers;
  }

  private static Iterable<JsonNode> required(JsonNode node, String key, String source) {
    JsonNode v = node.get(key);
    if (v == null || !v.isArray()) {
      throw new ConfigException("The scenario catalog " + source + " needs a list '" + key + "'");
    }
    return v;
  }

  /** Null when the key is absent; when present it must be real text, as for a required key. */
  private static String optionalText(JsonNode node, String key, String source) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : text(node, key, source);
  }

  private static String text(JsonNode node, String key, String source) {
    JsonNode v = node.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new ConfigException("The scenario catalog " + source + " needs a text '" + key + "' in " + node);
    }
    return v.asText().strip();
  }
}
