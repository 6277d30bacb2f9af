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
    if (lastUserMessage.contains(DATA_BEGIN) && lastUserMessage.contains(RESPONSE_LABEL)) {
      return PromptKind.JUDGMENT;
    }
    return PromptKind.ANSWER;
  }
}
