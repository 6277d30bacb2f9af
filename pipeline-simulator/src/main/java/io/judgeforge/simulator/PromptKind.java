package io.judgeforge.simulator;

/** What a chat request asks the simulated model to do, as told by the pipeline's prompt markers. */
enum PromptKind {
    /** generate-reference.txt: write instructions grounded in a reference text. */
    REFERENCE_QUESTIONS,
    /** generate-quiz.txt: write quiz questions to a difficulty/audience/subject/topic/task spec. */
    QUIZ_QUESTIONS,
    /** classify.txt: put an instruction into one scenario. */
    CLASSIFICATION,
    /** judge-single.txt: rate a response in the Themis format. */
    JUDGMENT,
    /** judge-reference.txt: rate a response against a reference answer, in the same Themis format. */
    REFERENCE_JUDGMENT,
    /** judge-pairwise.txt: say which of two responses is better, or that they tie. */
    PAIRWISE_JUDGMENT,
    /** Anything else is an instruction to answer. */
    ANSWER
}
