package io.judgeforge.teacher;

/** The result of one chat call, with its cost and how it went. {@code content} is null unless the server answered. */
public record ChatResult(
    CallOutcome outcome,
    String content,
    String finishReason,
    int attempts,
    long latencyMs,
    long promptTokens,
    long completionTokens,
    String error) {

  public boolean ok() {
    return outcome == CallOutcome.OK;
  }
}
