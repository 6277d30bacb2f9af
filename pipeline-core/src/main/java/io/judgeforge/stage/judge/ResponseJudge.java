package io.judgeforge.stage.judge;

import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemResult;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.TeacherClient;
import java.io.Serializable;
import java.util.List;

/** Single-answer grading of one response by the teacher, parsed into a {@link Judgment}. */
public final class ResponseJudge implements Serializable {
  private final JudgePromptRenderer renderer;
  private final JudgmentParser parser;
  private final ModelCall teacher;

  public ResponseJudge(JudgePromptRenderer renderer, JudgmentParser parser, ModelCall teacher) {
    this.renderer = renderer;
    this.parser = parser;
    this.teacher = teacher;
  }

  public ItemResult<Judgment> judge(Response response, TeacherClient client) {
    String prompt = renderer.single(response.scenario(), response.instruction(), response.text());
    List<ChatMessage> messages = List.of(ChatMessage.user(prompt));
    ChatResult result = client.chat(teacher, messages, renderer.template().version());
    String requestHash = result.requestKey();
    CallUsage usage = CallUsage.of(result);
    if (!result.ok()) {
      return ItemResult.failedCall(result.outcome(), result.error(), usage);
    }
    JudgmentParser.Result parsed = parser.parse(result.content());
    if (parsed instanceof JudgmentParser.Failed f) {
      return ItemResult.quarantined(CallOutcome.PARSE_FAILED.code(), f.detail(), usage);
    }
    ParsedJudgment p = ((JudgmentParser.Parsed) parsed).judgment();
    return ItemResult.out(List.of(new Judgment("jdg-" + response.id(), response.id(), response.instructionId(),
        response.scenario(), "single", response.model(), prompt, result.content(), p.score(), p.pointScores(),
        p.strengths(), p.shortcomings(), renderer.template().version(), teacher.model(), requestHash)), usage);
  }
}
