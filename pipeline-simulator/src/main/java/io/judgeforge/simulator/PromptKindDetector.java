package io.judgeforge.simulator;

/**
 * Tells the prompt kind from the markers the pipeline's templates put around their parts. The
 * generation markers are checked first, in the order of the brief; each marker pair only occurs in
 * its own template, so the order matters only for adversarial text.
 */
final class PromptKindDetector {
    static final String REFERENCE_BEGIN = "[Reference Begin]";
    static final String QUIZ_SPEC_BEGIN = "[Quiz Spec Begin]";
    static final String SCENARIO_LIST_BEGIN = "[Scenario List Begin]";
    static final String DATA_BEGIN = "[Data Begin]";
    static final String RESPONSE_LABEL = "[Response]:";
    static final String REFERENCE_ANSWER_LABEL = "[Reference Answer]:";
    static final String RESPONSE_A_LABEL = "[Response A]:";
    static final String RESPONSE_B_LABEL = "[Response B]:";

    private PromptKindDetector() {}

    static PromptKind detect(String lastUserMessage) {
        if (lastUserMessage.contains(REFERENCE_BEGIN)) {
            return PromptKind.REFERENCE_QUESTIONS;
        }
        if (lastUserMessage.contains(QUIZ_SPEC_BEGIN)) {
            return PromptKind.QUIZ_QUESTIONS;
        }
        if (lastUserMessage.contains(SCENARIO_LIST_BEGIN)) {
            return PromptKind.CLASSIFICATION;
        }
        int data = lastUserMessage.indexOf(DATA_BEGIN);
        return data < 0 ? PromptKind.ANSWER : judgeKind(lastUserMessage.substring(data));
    }

    /**
     * The three judge templates share the data block and differ in its labels. The label met first
     * decides, so a response that itself quotes another template's label keeps its prompt's kind.
     */
    private static PromptKind judgeKind(String data) {
        int single = data.indexOf(RESPONSE_LABEL);
        int a = data.indexOf(RESPONSE_A_LABEL);
        if (a >= 0 && (single < 0 || a < single) && data.indexOf(RESPONSE_B_LABEL, a) >= 0) {
            return PromptKind.PAIRWISE_JUDGMENT;
        }
        if (single < 0) {
            return PromptKind.ANSWER;
        }
        int reference = data.indexOf(REFERENCE_ANSWER_LABEL);
        return reference >= 0 && reference < single ? PromptKind.REFERENCE_JUDGMENT : PromptKind.JUDGMENT;
    }
}
