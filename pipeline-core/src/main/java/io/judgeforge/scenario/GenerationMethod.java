package io.judgeforge.scenario;

/** How a scenario's instructions are generated (Themis section 3.2). */
public enum GenerationMethod {
  /** Reference-based questioning: the teacher writes questions from a reference text and seeds. */
  REFERENCE,
  /** Role-playing quizzing: the teacher plays a test writer given difficulty, audience, subject, topic and task. */
  QUIZ
}
