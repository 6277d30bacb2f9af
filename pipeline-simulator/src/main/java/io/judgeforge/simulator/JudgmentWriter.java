package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers judge-single.txt and judge-reference.txt in the Themis output format: an overall [[score]],
 * then strengths and shortcomings, each tied to one of the prompt's criteria with its own [[score]].
 * The overall score follows {@link ResponseQuality} plus Gaussian noise, so good answers tend to score
 * higher without the judge being an oracle. With a reference answer the quality is taken relative to
 * the reference's, as the reference tiers define it: as good as the reference is a 4, better a 5.
 */
final class JudgmentWriter {
    static final double NOISE_SD = 0.45;
    /** The tier of a response exactly as good as the reference answer. */
    static final int REFERENCE_TIER = 4;

    private static final Pattern CRITERION_LINE = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])?\\s*([^:\\n]+?)\\s*:");
    private static final List<String> FALLBACK_CRITERIA =
            List.of("Relevance", "Helpfulness", "Accuracy", "Completeness", "Clarity");

    private JudgmentWriter() {}

    static String write(String prompt, SplittableRandom random) {
        String instruction = instruction(prompt);
        ResponseQuality quality = ResponseQuality.assess(instruction, response(prompt));
        int overall = noisyScore(1 + 4 * quality.estimate(), random);
        return judgment(criteria(prompt), overall, new JudgeRationales(quality, random), random);
    }

    /** judge-reference.txt; without a readable reference it grades like judge-single.txt. */
    static String writeWithReference(String prompt, SplittableRandom random) {
        String reference = PromptSections.fieldBeforeSeparator(prompt, PromptKindDetector.REFERENCE_ANSWER_LABEL)
                .orElse("");
        if (reference.isBlank()) {
            return write(prompt, random);
        }
        String instruction = instruction(prompt);
        String response = response(prompt);
        ResponseQuality quality = ResponseQuality.assess(instruction, response);
        ResponseQuality benchmark = ResponseQuality.assess(instruction, reference);
        // The same slope as the single-answer scale, so a gap of a quarter in quality moves a whole tier.
        int overall = noisyScore(REFERENCE_TIER + 4 * (quality.estimate() - benchmark.estimate()), random);
        JudgeRationales rationales = new JudgeRationales(quality, random)
                .comparedWithReference(
                        quality.estimate() >= benchmark.estimate(), missingFromReference(reference, response));
        return judgment(criteria(prompt), overall, rationales, random);
    }

    static String instruction(String prompt) {
        return PromptSections.fieldBeforeSeparator(prompt, "[User Instruction]:")
                .orElse("");
    }

    private static String response(String prompt) {
        return PromptSections.fieldBeforeSeparator(prompt, PromptKindDetector.RESPONSE_LABEL)
                .orElse("");
    }

    private static int noisyScore(double expected, SplittableRandom random) {
        return clampScore(Math.round(expected + random.nextGaussian() * NOISE_SD));
    }

    /** Content words of the reference that the response never uses, the evidence of what it left out. */
    private static List<String> missingFromReference(String reference, String response) {
        Set<String> present = new HashSet<>(ContentWords.words(response));
        List<String> missing = new ArrayList<>();
        for (String word : ContentWords.distinct(reference, ResponseQuality.INSTRUCTION_WORDS)) {
            if (!present.contains(word)) {
                missing.add(word);
            }
        }
        return missing;
    }

    private static String judgment(
            List<String> criteria, int overall, JudgeRationales rationales, SplittableRandom random) {
        int strengthCount = overall >= 4 ? 3 : 2;
        int shortcomingCount = overall <= 2 ? 3 : overall == 3 ? 2 : 1;
        List<String> shuffled = shuffle(criteria, random);
        List<String> pointCriteria = new ArrayList<>();
        for (int i = 0; i < strengthCount + shortcomingCount; i++) {
            // Distinct criteria while they last; a very short criteria list has to be reused.
            pointCriteria.add(shuffled.get(i % shuffled.size()));
        }

        StringBuilder text = new StringBuilder();
        text.append("I believe the overall rating of this response is [[")
                .append(overall)
                .append("]], and the reasons are as follows.\n");
        text.append("Strengths of the current response:\n");
        for (int i = 0; i < strengthCount; i++) {
            int score = clampScore(overall + (random.nextDouble() < 0.35 ? 1 : 0));
            appendPoint(text, i + 1, pointCriteria.get(i), rationales.nextStrength(), score);
        }
        text.append("Shortcomings of the current response:\n");
        for (int i = 0; i < shortcomingCount; i++) {
            int drop = (random.nextDouble() < 0.6 ? 1 : 0) + (random.nextDouble() < 0.15 ? 1 : 0);
            appendPoint(
                    text,
                    i + 1,
                    pointCriteria.get(strengthCount + i),
                    rationales.nextShortcoming(),
                    clampScore(overall - drop));
        }
        return text.toString().stripTrailing();
    }

    private static void appendPoint(StringBuilder text, int number, String criterion, String rationale, int score) {
        text.append(number)
                .append(". ")
                .append(criterion)
                .append(": ")
                .append(rationale)
                .append(" [[")
                .append(score)
                .append("]]\n");
    }

    /** Criterion names: the text before the colon of each line of the criteria block. */
    static List<String> criteria(String prompt) {
        String block = PromptSections.between(prompt, "[Criteria Begin]", "[Criteria End]")
                .orElse("");
        List<String> names = new ArrayList<>();
        Matcher matcher = CRITERION_LINE.matcher(block);
        while (matcher.find()) {
            String name = PromptSections.oneLine(matcher.group(1));
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names.isEmpty() ? FALLBACK_CRITERIA : names;
    }

    static List<String> shuffle(List<String> items, SplittableRandom random) {
        List<String> result = new ArrayList<>(items);
        for (int i = result.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = result.get(i);
            result.set(i, result.get(j));
            result.set(j, swap);
        }
        return result;
    }

    static int clampScore(long score) {
        return (int) Math.max(1, Math.min(5, score));
    }
}
