package io.judgeforge.stage.judge;

import java.util.List;

/**
 * What the parser read from a pairwise judge's output: the verdict and, in the Themis format, the strengths and
 * shortcomings it lists for each response (empty for other formats).
 */
public record ParsedVerdict(
        Verdict verdict,
        List<String> strengthsA,
        List<String> shortcomingsA,
        List<String> strengthsB,
        List<String> shortcomingsB) {

    public ParsedVerdict {
        strengthsA = List.copyOf(strengthsA);
        shortcomingsA = List.copyOf(shortcomingsA);
        strengthsB = List.copyOf(strengthsB);
        shortcomingsB = List.copyOf(shortcomingsB);
    }
}
