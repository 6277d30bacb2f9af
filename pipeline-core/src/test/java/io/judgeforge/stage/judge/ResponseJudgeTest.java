package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.stage.ItemResult;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.Fixtures;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseJudgeTest {
  static final Response RESPONSE = new Response("i1~m", "i1", "translation", "Translate 'bonjour' into English.",
      "m", "m-6b", "Hello.", 3, 1);
  final ScriptedEndpoint teacher = new ScriptedEndpoint();
  final JudgePromptRenderer renderer = new JudgePromptRenderer(Fixtures.catalog(), Fixtures.prompts().get(PromptLibrary.JUDGE_SINGLE));
  final ResponseJudge judge = new ResponseJudge(renderer, new JudgmentParser(1, 5), new ModelCall("e", "teacher-x", 0, 512));

  @AfterEach
  void stop() {
    teacher.close();
  }

  @Test
  void promptHasTheFiveBlocksWithTheScenariosCriteriaInOrder() {
    String prompt = renderer.single("translation", "Translate it.", "Done.");
    int criteria = prompt.indexOf("[Criteria Begin]");
    int tiers = prompt.indexOf("[Grading Tiers Begin]");
    int data = prompt.indexOf("[Data Begin]");
    int steps = prompt.indexOf("Follow these steps:");
    int format = prompt.indexOf("I believe the overall rating of this response is");
    assertTrue(criteria > 0 && criteria < tiers && tiers < data && data < steps && steps < format, prompt);
    var scenario = Fixtures.catalog().get("translation");
    assertTrue(prompt.contains("[" + scenario.name() + "]"));
    assertTrue(prompt.contains("1. " + scenario.criteria().get(0).name() + ": "), "most important criterion first");
    assertTrue(prompt.contains("[User Instruction]: Translate it.\n***\n[Response]: Done.\n***"));
  }

  @Test
  void aWellFormedJudgmentBecomesARecord() {
    teacher.chat("I believe the overall rating of this response is [[4]], and the reasons are as follows.\n"
        + "Strengths of the current response:\n1. Accuracy: Correct. [[5]]\nShortcomings of the current response:\n"
        + "1. Fluency: Terse. [[3]]");
    ItemResult<Judgment> r = judge.judge(RESPONSE, teacher.client());
    assertEquals(ItemStatus.OUT, r.status());
    Judgment j = r.records().get(0);
    assertEquals(4, j.score());
    assertEquals(List.of(5, 3), j.pointScores());
    assertEquals("jdg-i1~m", j.id());
    assertEquals("teacher-x", j.teacherModel());
    assertEquals(renderer.template().version(), j.templateVersion());
    assertEquals(64, j.requestHash().length());
  }

  @Test
  void unparseableOrTruncatedJudgmentsAreQuarantinedNeverScored() {
    teacher.chat("Looks good to me, 4 out of 5.");
    ItemResult<Judgment> unparsed = judge.judge(RESPONSE, teacher.client());
    assertEquals(ItemStatus.QUARANTINED, unparsed.status());
    assertEquals("parse_failed", unparsed.reason());
    assertTrue(unparsed.records().isEmpty());
    teacher.chat("I believe the overall rating of this response is [[4]], and", "length");
    ItemResult<Judgment> truncated = judge.judge(RESPONSE, teacher.client());
    assertEquals("truncated", truncated.reason());
    assertEquals(1, truncated.usage().calls());
  }
}
