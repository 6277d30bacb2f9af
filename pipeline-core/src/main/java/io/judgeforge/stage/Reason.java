package io.judgeforge.stage;

/**
 * A reason an item was filtered or quarantined: a {@link RejectReason} (a pipeline rule) or a
 * {@link io.judgeforge.teacher.CallOutcome} (a teacher call without a usable answer). Its code is
 * what the rejects tables and the stage reports hold.
 */
public interface Reason {
    String code();
}
