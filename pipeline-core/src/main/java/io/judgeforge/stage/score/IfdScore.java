package io.judgeforge.stage.score;

/**
 * Instruction-following difficulty of one judge record: the mean negative log-likelihood of the
 * answer (the judgment) with the instruction (the judge prompt) before it, over the same without it.
 */
public record IfdScore(
    String judgmentId, String scenario, int score, double conditionedLoss, double directLoss, double ifd, int answerTokens) {}
