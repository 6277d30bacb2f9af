package io.judgeforge.stage;

import java.util.List;

/**
 * What one work item of a stage produced: records (zero or more, for stages that fan out), or the
 * reason it was filtered or quarantined. A stage's accounting is the tally of these.
 */
public record ItemResult<T>(ItemStatus status, List<T> records, String reason, String detail, CallUsage usage) {
  public ItemResult {
    records = List.copyOf(records);
  }

  public static <T> ItemResult<T> out(List<T> records, CallUsage usage) {
    return new ItemResult<>(ItemStatus.OUT, records, null, null, usage);
  }

  public static <T> ItemResult<T> filtered(String reason, String detail, CallUsage usage) {
    return new ItemResult<>(ItemStatus.FILTERED, List.of(), reason, detail, usage);
  }

  /**
   * A call that did not give a usable answer: quarantined with its outcome as the reason, except a
   * budget stop, which is a rule the run was given and so filters the item.
   */
  public static <T> ItemResult<T> failedCall(io.judgeforge.teacher.CallOutcome outcome, String error, CallUsage usage) {
    return outcome == io.judgeforge.teacher.CallOutcome.BUDGET_EXHAUSTED
        ? filtered(outcome.code(), error, usage)
        : quarantined(outcome.code(), error, usage);
  }

  public static <T> ItemResult<T> quarantined(String reason, String detail, CallUsage usage) {
    return new ItemResult<>(ItemStatus.QUARANTINED, List.of(), reason, detail, usage);
  }
}
