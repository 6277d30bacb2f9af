package io.judgeforge.stage.judge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.judgeforge.prompt.PromptLibrary;

/**
 * The three Themis grading variants (paper section 2.6), each with its own prompt template. Written
 * as its lower-case code in records and in the golden-file folders.
 */
public enum JudgeMode {
    /** Single-answer grading: one response, a 1-5 score. */
    SINGLE("single", PromptLibrary.JUDGE_SINGLE),
    /** Reference-guided grading: one response scored against a reference answer (tier 4 = as good as it). */
    REFERENCE("reference", PromptLibrary.JUDGE_REFERENCE),
    /** Pairwise comparison: two responses, a verdict A, B or C (tie). */
    PAIRWISE("pairwise", PromptLibrary.JUDGE_PAIRWISE);

    private final String code;
    private final String templateName;

    JudgeMode(String code, String templateName) {
        this.code = code;
        this.templateName = templateName;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The name of this mode's template in the {@link PromptLibrary}. */
    public String templateName() {
        return templateName;
    }

    @JsonCreator
    public static JudgeMode of(String code) {
        for (JudgeMode mode : values()) {
            if (mode.code.equals(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "Unknown judge mode '" + code + "' (expected single, reference or pairwise)");
    }
}
