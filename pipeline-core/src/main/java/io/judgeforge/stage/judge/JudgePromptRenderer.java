package io.judgeforge.stage.judge;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * Fills the five-block Themis judge prompt for a scenario (task and criteria, tiers or verdicts, data,
 * steps, format) in each of the three grading modes.
 */
public final class JudgePromptRenderer implements Serializable {
  private final ScenarioCatalog catalog;
  // Only the judge templates, not the whole library: the renderer is shipped to every Spark task.
  private final EnumMap<JudgeMode, PromptTemplate> templates = new EnumMap<>(JudgeMode.class);

  public JudgePromptRenderer(ScenarioCatalog catalog, PromptLibrary prompts) {
    this.catalog = catalog;
    for (JudgeMode mode : JudgeMode.values()) {
      templates.put(mode, prompts.get(mode.templateName()));
    }
  }

  /** The single-answer template, as {@code template(JudgeMode.SINGLE)}. */
  public PromptTemplate template() {
    return template(JudgeMode.SINGLE);
  }

  /** The template of one mode; its version is what a judgment made with it records. */
  public PromptTemplate template(JudgeMode mode) {
    return templates.get(mode);
  }

  public String single(String scenarioId, String instruction, String response) {
    Scenario scenario = catalog.get(scenarioId);
    return template(JudgeMode.SINGLE).render(Map.of(
        "scenario_name", scenario.name(),
        "scenario_description", scenario.description(),
        "criteria", criteria(scenario),
        "grading_tiers", tiers(false),
        "instruction", instruction,
        "response", response));
  }

  /** Single-answer grading against a reference answer, with the tiers in their with-reference wording. */
  public String referenceGuided(String scenarioId, String instruction, String reference, String response) {
    Scenario scenario = catalog.get(scenarioId);
    return template(JudgeMode.REFERENCE).render(Map.of(
        "scenario_name", scenario.name(),
        "scenario_description", scenario.description(),
        "criteria", criteria(scenario),
        "grading_tiers", tiers(true),
        "instruction", instruction,
        "reference", reference,
        "response", response));
  }

  /** Pairwise comparison; responseA is shown first, so callers swap the arguments to test for position bias. */
  public String pairwise(String scenarioId, String instruction, String responseA, String responseB) {
    Scenario scenario = catalog.get(scenarioId);
    return template(JudgeMode.PAIRWISE).render(Map.of(
        "scenario_name", scenario.name(),
        "scenario_description", scenario.description(),
        "criteria", criteria(scenario),
        "instruction", instruction,
        "response_a", responseA,
        "response_b", responseB));
  }

  /** Numbered in the catalog's order, which is the order of importance the prompt announces. */
  private static String criteria(Scenario scenario) {
    StringBuilder criteria = new StringBuilder();
    int n = 1;
    for (Criterion c : scenario.criteria()) {
      criteria.append(n++).append(". ").append(c.name()).append(": ").append(c.description()).append('\n');
    }
    return criteria.toString().strip();
  }

  private String tiers(boolean withReference) {
    StringBuilder tiers = new StringBuilder();
    for (GradingTier t : catalog.tiers()) {
      // A tier the catalog does not restate against the reference means the same either way.
      String text = withReference && t.withReference() != null ? t.withReference() : t.description();
      tiers.append("Score ").append(t.score()).append(": ").append(text).append('\n');
    }
    return tiers.toString().strip();
  }
}
