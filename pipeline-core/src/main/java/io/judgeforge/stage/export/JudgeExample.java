package io.judgeforge.stage.export;

import io.judgeforge.teacher.ChatMessage;
import java.util.List;

/**
 * One record of the judge fine-tuning set, in chat format: the judge prompt as the user turn and the
 * teacher's judgment as the assistant turn, with the metadata a trainer or an auditor needs.
 */
public record JudgeExample(
    List<ChatMessage> messages,
    String id,
    String split,
    String scenario,
    String mode,
    int score,
    String instructionId,
    String responseId,
    String answerModel,
    double ifd,
    String templateVersion,
    String teacherModel) {

  public JudgeExample {
    messages = List.copyOf(messages);
  }
}
