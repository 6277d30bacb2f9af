package io.judgeforge.simulator;

import java.util.SplittableRandom;

/** Routes a chat request to the writer for its prompt kind. */
final class ChatResponder {
    private ChatResponder() {}

    /**
     * @param lastUserMessage the text the prompt kind is detected from
     * @param strength the requested model's strength; only plain answers depend on it, because the
     *     pipeline's generation, classification and judging calls go to one fixed teacher model
     */
    static String reply(String lastUserMessage, double strength, SplittableRandom random) {
        return switch (PromptKindDetector.detect(lastUserMessage)) {
            case REFERENCE_QUESTIONS -> ReferenceQuestionWriter.write(lastUserMessage, random);
            case QUIZ_QUESTIONS -> QuizQuestionWriter.write(lastUserMessage, random);
            case CLASSIFICATION -> ScenarioLabelWriter.write(lastUserMessage, random);
            case JUDGMENT -> JudgmentWriter.write(lastUserMessage, random);
            case REFERENCE_JUDGMENT -> JudgmentWriter.writeWithReference(lastUserMessage, random);
            case PAIRWISE_JUDGMENT -> PairwiseVerdictWriter.write(lastUserMessage, random);
            case ANSWER -> InstructionAnswerer.write(lastUserMessage, strength, random);
        };
    }
}
