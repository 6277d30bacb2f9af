package io.judgeforge.stage.judge;

import java.util.List;

/** What the parser read from a judge's output. */
public record ParsedJudgment(int score, List<Integer> pointScores, List<String> strengths, List<String> shortcomings) {}
