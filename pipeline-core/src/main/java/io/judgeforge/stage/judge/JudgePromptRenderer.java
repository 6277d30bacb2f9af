package io.judgeforge.stage.judge;

import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import java.io.Serializable;
import java.util.Map;

/** Fills the five-block Themis judge prompt for a scenario: task and criteria, tiers, data, steps, format. */
public final class JudgePromptRenderer implements Serializable {
  private final ScenarioCatalog catalog;
  private final PromptTemplate template;

  public JudgePromptRenderer(ScenarioCatalog catalog, PromptTemplate template) {
    this.catalog = catalog;
    this.template = template;
  }

  public PromptTemplate template() {
    return template;
  }

  public String single(String scenarioId, String instruction, String response) {
    Scenario scenario = catalog.get(scenarioId);
    StringBuilder criteria = new StringBuilder();
    int n = 1;
    for (Criterion c : scenario.criteria()) {
      criteria.append(n++).append(". ").append(c.name()).append(": ").append(c.description()).append('\n');
    }
    StringBuilder tiers = new StringBuilder();
    for (GradingTier t : catalog.tiers()) {
      tiers.append("Score ").append(t.score()).append(": ").append(t.description()).append('\n');
    }
    return template.render(Map.of(
        "scenario_name", scenario.name(),
        "scenario_description", scenario.description(),
        "criteria", criteria.toString().strip(),
        "grading_tiers", tiers.toString().strip(),
        "instruction", instruction,
        "response", response));
  }
}
