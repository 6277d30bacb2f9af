package io.judgeforge.stage.judge;

import java.util.List;

/**
 * A teacher's judgment of one response: the prompt it saw, its raw output, and what was parsed
 * from that output (overall score, per-point scores, strengths and shortcomings).
 */
public record Judgment(
    String id,
    String responseId,
    String instructionId,
    String scenario,
    String mode,
    String answerModel,
    String prompt,
    String output,
    int score,
    List<Integer> pointScores,
    List<String> strengths,
    List<String> shortcomings,
    String templateVersion,
    String teacherModel,
    String requestHash) {

  public Judgment {
    pointScores = List.copyOf(pointScores);
    strengths = List.copyOf(strengths);
    shortcomings = List.copyOf(shortcomings);
  }
}
