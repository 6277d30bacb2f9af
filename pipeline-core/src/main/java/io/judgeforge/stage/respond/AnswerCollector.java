package io.judgeforge.stage.respond;

import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.ChatClient;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.ModelCall;
import java.io.Serializable;
import java.util.List;

/** Asks one model of the answer pool to answer one instruction, as a user would ask it. */
public final class AnswerCollector implements Serializable {
    // The instruction is sent as it is, with no template around it.
    static final String NO_TEMPLATE = "";

    public ItemOutcome<Response> answer(Instruction instruction, AnswerModel model, ChatClient client) {
        ModelCall call = new ModelCall(model.endpoint(), model.model(), model.temperature(), model.maxTokens());
        ChatResult result = client.chat(call, List.of(ChatMessage.user(instruction.text())), NO_TEMPLATE);
        CallUsage usage = CallUsage.of(result);
        if (!result.ok()) {
            return ItemOutcome.failedCall(result.outcome(), result.error(), usage);
        }
        if (result.content().isBlank()) {
            return ItemOutcome.quarantined(RejectReason.EMPTY_ANSWER, "the model returned no text", usage);
        }
        return ItemOutcome.out(
                List.of(new Response(
                        RecordIds.response(instruction.id(), model.name()),
                        instruction.id(),
                        instruction.scenario(),
                        instruction.text(),
                        model.name(),
                        model.model(),
                        result.content(),
                        result.promptTokens(),
                        result.completionTokens())),
                usage);
    }
}
