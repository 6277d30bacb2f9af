package io.judgeforge.stage.score;

/**
 * Instruction-following difficulty of one judge record: the mean negative log-likelihood of the
 * answer (the judgment's target) with the instruction (the judge prompt) before it, over the same
 * without it. {@code mode} and {@code label} (the score, or a pairwise verdict) are what selection
 * balances on; {@code pairId} keeps a pairwise record's two orders together.
 */
public record IfdScore(
        String judgmentId,
        String scenario,
        String mode,
        String label,
        String pairId,
        double conditionedLoss,
        double directLoss,
        double ifd,
        int answerTokens) {}
