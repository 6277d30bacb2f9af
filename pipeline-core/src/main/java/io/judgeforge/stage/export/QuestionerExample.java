package io.judgeforge.stage.export;

import io.judgeforge.teacher.ChatMessage;
import java.util.List;

/**
 * One record of the questioner set (Themis's #Q): a scenario and a reference passage as the user
 * turn, the questions the teacher wrote from them (those that survived validation and
 * classification) as a numbered list in the assistant turn. {@code id} is the generation call's task id.
 */
public record QuestionerExample(
        List<ChatMessage> messages,
        String id,
        String split,
        String scenario,
        String referenceId,
        List<String> instructionIds,
        String templateVersion,
        String teacherModel) {

    public QuestionerExample {
        messages = List.copyOf(messages);
        instructionIds = List.copyOf(instructionIds);
    }
}
