package io.judgeforge.stage.export;

import io.judgeforge.stage.judge.Judgment;
import java.io.Serializable;

/**
 * Makes judge-set records from selected judgments. The split follows the instruction, so every
 * judgment of one instruction (its responses, pairs and augmented copies) lands in the same split
 * and validation never sees an instruction trained on.
 */
public record JudgeExamples(SplitAssigner splits) implements Serializable {

    /** The record of {@code judgment}, selected with {@code ifd} (see JudgeExample#of). */
    public JudgeExample example(Judgment judgment, double ifd) {
        return JudgeExample.of(judgment, ifd, splits.split(judgment.instructionId()));
    }
}
