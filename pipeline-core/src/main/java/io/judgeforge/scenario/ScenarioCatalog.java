package io.judgeforge.scenario;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.StrictYaml;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scenarios and grading tiers of a run, read from the catalog YAML ({@code conf/scenarios.yaml}) through
 * {@link ScenarioCatalogFile}: an unknown key or a value of the wrong kind is an error naming it (see
 * {@link StrictYaml}).
 */
public final class ScenarioCatalog implements Serializable {
    private final Map<String, Scenario> scenarios;
    private final List<GradingTier> tiers;

    private ScenarioCatalog(Map<String, Scenario> scenarios, List<GradingTier> tiers) {
        this.scenarios = scenarios;
        this.tiers = tiers;
    }

    public static ScenarioCatalog parse(String yaml, String source) {
        ScenarioCatalogFile file = StrictYaml.read(yaml, ScenarioCatalogFile.class, "scenario catalog", source);
        List<GradingTier> tiers = new ArrayList<>();
        List<ScenarioCatalogFile.Tier> tierEntries = required(file.gradingTiers(), "grading-tiers", source);
        for (int i = 0; i < tierEntries.size(); i++) {
            tiers.add(tier(tierEntries.get(i), source, "grading-tiers[" + i + "]"));
        }
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        List<ScenarioCatalogFile.Entry> entries = required(file.scenarios(), "scenarios", source);
        for (int i = 0; i < entries.size(); i++) {
            Scenario scenario = scenario(entries.get(i), source, "scenarios[" + i + "]");
            if (scenarios.put(scenario.id(), scenario) != null) {
                throw new ConfigException("Duplicate scenario id '" + scenario.id() + "' in " + source);
            }
            if (scenario.criteria().isEmpty()) {
                throw new ConfigException("Scenario '" + scenario.id() + "' in " + source + " has no criteria");
            }
        }
        if (scenarios.isEmpty()) {
            throw new ConfigException("The scenario catalog " + source + " defines no scenarios");
        }
        // The catalog's order is kept: prompts list scenarios in it and reports follow it.
        return new ScenarioCatalog(java.util.Collections.unmodifiableMap(scenarios), List.copyOf(tiers));
    }

    private static GradingTier tier(ScenarioCatalogFile.Tier t, String source, String where) {
        if (t.score() == null) {
            throw new ConfigException("The scenario catalog " + source + " needs a number 'score' in " + where);
        }
        String withReference =
                t.withReference() == null ? null : text(t.withReference(), "with-reference", source, where);
        return new GradingTier(t.score(), text(t.description(), "description", source, where), withReference);
    }

    private static Scenario scenario(ScenarioCatalogFile.Entry s, String source, String where) {
        String id = text(s.id(), "id", source, where);
        List<Criterion> criteria = new ArrayList<>();
        List<ScenarioCatalogFile.CriterionEntry> entries =
                required(s.criteria(), "criteria", source + " scenario " + id);
        for (int c = 0; c < entries.size(); c++) {
            ScenarioCatalogFile.CriterionEntry e = entries.get(c);
            String at = where + ".criteria[" + c + "]";
            criteria.add(new Criterion(
                    text(e.name(), "name", source, at), text(e.description(), "description", source, at)));
        }
        GenerationMethod method;
        try {
            method = GenerationMethod.of(text(s.method(), "method", source, where));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Invalid method of scenario '" + id + "' in " + source + ": '" + s.method()
                    + "' (expected reference or quiz)");
        }
        return new Scenario(
                id,
                text(s.name(), "name", source, where),
                text(s.shortName(), "short", source, where),
                method,
                Boolean.TRUE.equals(s.closeEnded()),
                text(s.description(), "description", source, where),
                criteria);
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
            throw new IllegalArgumentException(
                    "Unknown scenario '" + id + "' (catalog has " + scenarios.keySet() + ")");
        }
        return s;
    }

    public List<GradingTier> tiers() {
        return tiers;
    }

    private static <T> List<T> required(List<T> list, String key, String source) {
        if (list == null) {
            throw new ConfigException("The scenario catalog " + source + " needs a list '" + key + "'");
        }
        return list;
    }

    /** Text that is there and not blank, stripped. */
    private static String text(String value, String key, String source, String where) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("The scenario catalog " + source + " needs a text '" + key + "' in " + where);
        }
        return value.strip();
    }
}
