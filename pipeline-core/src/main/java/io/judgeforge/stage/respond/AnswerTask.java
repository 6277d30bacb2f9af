package io.judgeforge.stage.respond;

import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.generate.Instruction;

/** One instruction to be answered by one model of the pool: the respond stage's work item. */
public record AnswerTask(Instruction instruction, AnswerModel model) {
    public String id() {
        return RecordIds.response(instruction.id(), model.name());
    }
}
