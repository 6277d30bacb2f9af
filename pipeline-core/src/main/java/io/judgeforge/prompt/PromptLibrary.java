package io.judgeforge.prompt;

import io.judgeforge.config.ConfigException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/** The templates a run uses, by name; checked at start-up so a missing or broken file stops the run before any call. */
public record PromptLibrary(Map<String, PromptTemplate> templates) implements Serializable {
    public static final String GENERATE_REFERENCE = "generate-reference";
    public static final String GENERATE_QUIZ = "generate-quiz";
    public static final String CLASSIFY = "classify";
    public static final String JUDGE_SINGLE = "judge-single";
    /** Single-answer grading against a reference answer; same output format as {@link #JUDGE_SINGLE}. */
    public static final String JUDGE_REFERENCE = "judge-reference";
    /** Pairwise comparison of two responses to one instruction: verdict [[A]], [[B]] or [[C]] (tie). */
    public static final String JUDGE_PAIRWISE = "judge-pairwise";
    /** The prompt of the questioner fine-tuning set: scenario and reference in, questions out, no seed examples. */
    public static final String QUESTIONER = "questioner";

    /** Each template the pipeline needs, with the placeholders it must have. */
    public static final Map<String, Set<String>> REQUIRED = Map.of(
            GENERATE_REFERENCE, Set.of("scenario_name", "scenario_description", "seed_examples", "reference", "count"),
            GENERATE_QUIZ,
                    Set.of(
                            "scenario_name",
                            "scenario_description",
                            "difficulty",
                            "audience",
                            "subject",
                            "topic",
                            "task",
                            "material_block",
                            "seed_examples",
                            "count"),
            CLASSIFY, Set.of("scenario_list", "instruction"),
            QUESTIONER, Set.of("scenario_name", "scenario_description", "reference", "count"),
            JUDGE_SINGLE,
                    Set.of(
                            "scenario_name",
                            "scenario_description",
                            "criteria",
                            "grading_tiers",
                            "instruction",
                            "response"),
            JUDGE_REFERENCE,
                    Set.of(
                            "scenario_name",
                            "scenario_description",
                            "criteria",
                            "grading_tiers",
                            "instruction",
                            "reference",
                            "response"),
            // No grading tiers: the verdict block is fixed text, since a comparison has no score scale to configure.
            JUDGE_PAIRWISE,
                    Set.of(
                            "scenario_name",
                            "scenario_description",
                            "criteria",
                            "instruction",
                            "response_a",
                            "response_b"));

    public PromptLibrary {
        templates = Map.copyOf(templates);
        for (Map.Entry<String, Set<String>> need : REQUIRED.entrySet()) {
            PromptTemplate t = templates.get(need.getKey());
            if (t == null) {
                throw new ConfigException("Missing prompt template '" + need.getKey() + ".txt' in the prompts folder");
            }
            if (!t.placeholders().equals(need.getValue())) {
                throw new ConfigException(
                        "Prompt template '" + need.getKey() + ".txt' must use exactly the placeholders "
                                + need.getValue() + " but uses " + t.placeholders());
            }
        }
    }

    public PromptTemplate get(String name) {
        return templates.get(name);
    }
}
