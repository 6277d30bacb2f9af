package io.judgeforge.stage.augment;

import io.judgeforge.scenario.Criterion;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import java.util.List;

/**
 * Replaces a block of a rendered Themis judge prompt: the criteria between [Criteria Begin] and
 * [Criteria End], or the tiers between [Grading Tiers Begin] and [Grading Tiers End]. The block the
 * prompt shows is rendered again from the data it was made from, so nothing is read back out of
 * the prompt's text; everything outside the block is kept byte for byte.
 */
final class JudgePromptParts {
    private static final String CRITERIA_BEGIN = "[Criteria Begin]\n";
    private static final String CRITERIA_END = "\n[Criteria End]";
    private static final String TIERS_BEGIN = "[Grading Tiers Begin]\n";
    private static final String TIERS_END = "\n[Grading Tiers End]";

    private JudgePromptParts() {}

    /** The prompt with the {@code shown} criteria (as the renderer listed them) replaced. */
    static String withCriteria(String prompt, List<Criterion> shown, List<Criterion> replacement) {
        return replace(
                prompt,
                CRITERIA_BEGIN,
                JudgePromptRenderer.criteriaBlock(shown),
                CRITERIA_END,
                JudgePromptRenderer.criteriaBlock(replacement));
    }

    /** The prompt with the {@code shown} tiers block (as the renderer wrote it) replaced. */
    static String withTiers(String prompt, String shown, String replacement) {
        return replace(prompt, TIERS_BEGIN, shown, TIERS_END, replacement);
    }

    private static String replace(String prompt, String begin, String shown, String end, String replacement) {
        String block = begin + shown + end;
        int at = prompt.indexOf(block);
        if (at < 0) {
            throw new IllegalArgumentException("The prompt has no " + begin.strip() + " ... " + end.strip()
                    + " block as the scenario catalog renders it; was it judged with another catalog or template?");
        }
        return prompt.substring(0, at) + begin + replacement + end + prompt.substring(at + block.length());
    }
}
