package io.judgeforge.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Answers judge-pairwise.txt: a verdict [[A]], [[B]] or [[C]] (tie), then the strengths and
 * shortcomings of each response. The verdict compares the two responses by {@link ResponseQuality},
 * the signal the single-answer judge scores by, plus a little noise; a gap under {@link #TIE_MARGIN}
 * is a close call and normally a tie. A share of close calls is answered [[A]] whatever the
 * responses, a deliberate position bias like that of real judges, so that the pipeline's handling of
 * pairs whose verdict changes when the order is swapped gets exercised.
 */
final class PairwiseVerdictWriter {
    /** Noise on the quality gap, on the 0..1 estimate scale; small, so clear gaps are never reversed. */
    static final double NOISE_SD = 0.04;
    /** Quality gaps below this are close calls. */
    static final double TIE_MARGIN = 0.08;
    /** Share of close calls answered [[A]] regardless of the responses. */
    static final double POSITION_BIAS = 0.10;

    private PairwiseVerdictWriter() {}

    static String write(String prompt, SplittableRandom random) {
        String instruction = JudgmentWriter.instruction(prompt);
        ResponseQuality a = ResponseQuality.assess(instruction, field(prompt, PromptKindDetector.RESPONSE_A_LABEL));
        ResponseQuality b = ResponseQuality.assess(instruction, field(prompt, PromptKindDetector.RESPONSE_B_LABEL));
        double gap = a.estimate() - b.estimate() + random.nextGaussian() * NOISE_SD;
        // Drawn on every call, so the rest of the reply does not shift with whether the call was close.
        boolean biased = random.nextDouble() < POSITION_BIAS;
        String verdict = Math.abs(gap) < TIE_MARGIN ? (biased ? "A" : "C") : gap > 0 ? "A" : "B";

        List<String> criteria = JudgmentWriter.criteria(prompt);
        StringBuilder text = new StringBuilder();
        text.append("I believe the better response is [[")
                .append(verdict)
                .append("]], and the reasons are as follows.\n");
        appendAssessment(text, "A", a, criteria, random);
        appendAssessment(text, "B", b, criteria, random);
        return text.toString().stripTrailing();
    }

    /** Strengths and shortcomings of one response; a better response gets more of the former. */
    private static void appendAssessment(
            StringBuilder text, String label, ResponseQuality quality, List<String> criteria, SplittableRandom random) {
        double e = quality.estimate();
        int strengthCount = e >= 0.6 ? 3 : e >= 0.3 ? 2 : 1;
        int shortcomingCount = e >= 0.75 ? 1 : e >= 0.45 ? 2 : 3;
        List<String> shuffled = JudgmentWriter.shuffle(criteria, random);
        JudgeRationales rationales = new JudgeRationales(quality, random);
        text.append("Strengths of Response ").append(label).append(":\n");
        for (int i = 0; i < strengthCount; i++) {
            appendPoint(text, i + 1, shuffled.get(i % shuffled.size()), rationales.nextStrength());
        }
        text.append("Shortcomings of Response ").append(label).append(":\n");
        for (int i = 0; i < shortcomingCount; i++) {
            appendPoint(text, i + 1, shuffled.get((strengthCount + i) % shuffled.size()), rationales.nextShortcoming());
        }
    }

    private static void appendPoint(StringBuilder text, int number, String criterion, String rationale) {
        text.append(number)
                .append(". ")
                .append(criterion)
                .append(": ")
                .append(rationale)
                .append('\n');
    }

    private static String field(String prompt, String label) {
        return PromptSections.fieldBeforeSeparator(prompt, label).orElse("");
    }
}
