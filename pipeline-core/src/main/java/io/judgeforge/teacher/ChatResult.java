package io.judgeforge.teacher;

/**
 * The result of one chat call, with its cost and how it went. {@code content} is null unless the
 * server answered. {@code requestKey} identifies the request in the response store and in every
 * record's lineage; {@code stored} says the answer came from the store, without a call.
 */
public record ChatResult(
    CallOutcome outcome,
    String content,
    String finishReason,
    int attempts,
    long latencyMs,
    long promptTokens,
    long completionTokens,
    String error,
    String requestKey,
    boolean stored,
    double costUsd) {

  public boolean ok() {
    return outcome == CallOutcome.OK;
  }
}
