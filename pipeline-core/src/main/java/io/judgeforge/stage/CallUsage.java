package io.judgeforge.stage;

import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.LogprobResult;

/** Teacher calls an item cost: HTTP attempts and tokens. */
public record CallUsage(long calls, long promptTokens, long completionTokens) {
  public static final CallUsage NONE = new CallUsage(0, 0, 0);

  public static CallUsage of(ChatResult r) {
    return new CallUsage(r.attempts(), r.promptTokens(), r.completionTokens());
  }

  public static CallUsage of(LogprobResult r) {
    return new CallUsage(r.attempts(), r.promptTokens(), 0);
  }

  public CallUsage plus(CallUsage other) {
    return new CallUsage(calls + other.calls, promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
