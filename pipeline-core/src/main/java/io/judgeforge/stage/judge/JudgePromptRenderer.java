package io.judgeforge.stage.judge;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
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
        return template(JudgeMode.SINGLE)
                .render(Map.of(
                        "scenario_name", scenario.name(),
                        "scenario_description", scenario.description(),
                        "criteria", criteriaBlock(scenario.criteria()),
                        "grading_tiers", tiersBlock(catalog.tiers(), false),
                        "instruction", instruction,
                        "response", response));
    }

    /** Single-answer grading against a reference answer, with the tiers in their with-reference wording. */
    public String referenceGuided(String scenarioId, String instruction, String reference, String response) {
        Scenario scenario = catalog.get(scenarioId);
        return template(JudgeMode.REFERENCE)
                .render(Map.of(
                        "scenario_name", scenario.name(),
                        "scenario_description", scenario.description(),
                        "criteria", criteriaBlock(scenario.criteria()),
                        "grading_tiers", tiersBlock(catalog.tiers(), true),
                        "instruction", instruction,
                        "reference", reference,
                        "response", response));
    }

    /** Pairwise comparison; responseA is shown first, so callers swap the arguments to test for position bias. */
    public String pairwise(String scenarioId, String instruction, String responseA, String responseB) {
        Scenario scenario = catalog.get(scenarioId);
        return template(JudgeMode.PAIRWISE)
                .render(Map.of(
                        "scenario_name",
                        scenario.name(),
                        "scenario_description",
                        scenario.description(),
                        "criteria",
                        criteriaBlock(scenario.criteria()),
                        "instruction",
                        instruction,
                        "response_a",
                        responseA,
                        "response_b",
                        responseB));
    }

    /**
     * The text between [Criteria Begin] and [Criteria End]: numbered in the given order, which is the
     * order of importance the prompt announces (the catalog's, unless augmentation changed the list).
     */
    public static String criteriaBlock(List<Criterion> criteria) {
        StringBuilder block = new StringBuilder();
        int n = 1;
        for (Criterion c : criteria) {
            block.append(n++)
                    .append(". ")
                    .append(c.name())
                    .append(": ")
                    .append(c.description())
                    .append('\n');
        }
        return block.toString().strip();
    }

    /** The text between [Grading Tiers Begin] and [Grading Tiers End]: one line per tier. */
    public static String tiersBlock(List<GradingTier> tiers, boolean withReference) {
        StringBuilder block = new StringBuilder();
        for (GradingTier t : tiers) {
            block.append("Score ")
                    .append(t.score())
                    .append(": ")
                    .append(tierText(t, withReference))
                    .append('\n');
        }
        return block.toString().strip();
    }

    /** What a tier says in a prompt graded with or without a reference answer. */
    public static String tierText(GradingTier tier, boolean withReference) {
        // A tier the catalog does not restate against the reference means the same either way.
        return withReference && tier.withReference() != null ? tier.withReference() : tier.description();
    }
}
