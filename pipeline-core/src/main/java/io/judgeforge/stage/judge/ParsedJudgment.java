package io.judgeforge.stage.judge;

import java.util.List;

/**
 * What the parser read from a judge's output. The overall score is a {@code double} because formats other than
 * Themis allow decimals ({@code Rating: [[8.5]]}); Themis scores are whole numbers. Point scores and the lists come
 * from the Themis format only and are empty for the others.
 */
public record ParsedJudgment(
        double score, List<Integer> pointScores, List<String> strengths, List<String> shortcomings) {
    public ParsedJudgment {
        pointScores = List.copyOf(pointScores);
        strengths = List.copyOf(strengths);
        shortcomings = List.copyOf(shortcomings);
    }
}
