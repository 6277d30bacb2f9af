package io.judgeforge.simulator;

import java.util.Optional;

/**
 * The specification block of generate-quiz.txt, with defaults for lines the prompt leaves out.
 *
 * @param material the text between [Material Begin] and [Material End], if the prompt has one
 */
record QuizSpec(
        String difficulty, String audience, String subject, String topic, String task, Optional<String> material) {

    static QuizSpec parse(String prompt) {
        String block = PromptSections.between(prompt, PromptKindDetector.QUIZ_SPEC_BEGIN, "[Quiz Spec End]")
                .orElse("");
        String subject = field(block, "Subject").orElse("general knowledge");
        return new QuizSpec(
                field(block, "Difficulty").orElse("medium"),
                field(block, "Audience").orElse("general readers"),
                subject,
                field(block, "Topic").orElse(subject),
                field(block, "Task").map(QuizSpec::withoutFinalPunctuation).orElse("answer the question"),
                PromptSections.between(prompt, "[Material Begin]", "[Material End]")
                        .filter(text -> !text.isBlank()));
    }

    private static Optional<String> field(String block, String label) {
        return PromptSections.lineValue(block, label).map(PromptSections::oneLine);
    }

    /** The task is embedded mid-sentence, where its own full stop would be out of place. */
    private static String withoutFinalPunctuation(String task) {
        return task.replaceAll("[.!?;:]+$", "").strip();
    }
}
