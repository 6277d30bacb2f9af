package io.judgeforge.eval;

import io.judgeforge.stage.judge.JudgeMode;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import java.util.List;
import java.util.Objects;

/**
 * One benchmark row ready to be judged: its scenario already resolved to a catalog id, and the texts the Themis
 * prompts need.
 *
 * @param id the row's id, as text
 * @param scenario a scenario id of the catalog (the row's own, or the fallback)
 * @param instruction the user instruction the responses answer
 * @param reference pointwise: the reference answer, or null for single-answer grading; pairwise: null
 * @param responses pointwise: the one response; pairwise: response1, then response2
 */
record JudgeItem(String id, String scenario, String instruction, String reference, List<String> responses) {
    /** One judge call: the prompt sent as the single user message and its template's version (part of the request key). */
    record Prompt(String text, String templateVersion) {}

    JudgeItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(instruction, "instruction");
        responses = List.copyOf(responses);
    }

    boolean pairwise() {
        return responses.size() == 2;
    }

    /**
     * The prompts of this item's calls, in order. Pointwise: one, reference-guided when there is a reference. Pairwise:
     * the original order (response1 as A) and the swapped one (response2 as A), since judges favour a position and a
     * benchmark's verdict should not depend on it.
     */
    List<Prompt> prompts(JudgePromptRenderer renderer) {
        if (pairwise()) {
            String version = renderer.template(JudgeMode.PAIRWISE).version();
            return List.of(
                    new Prompt(renderer.pairwise(scenario, instruction, responses.get(0), responses.get(1)), version),
                    new Prompt(renderer.pairwise(scenario, instruction, responses.get(1), responses.get(0)), version));
        }
        if (reference == null) {
            return List.of(new Prompt(
                    renderer.single(scenario, instruction, responses.get(0)),
                    renderer.template(JudgeMode.SINGLE).version()));
        }
        return List.of(new Prompt(
                renderer.referenceGuided(scenario, instruction, reference, responses.get(0)),
                renderer.template(JudgeMode.REFERENCE).version()));
    }
}
