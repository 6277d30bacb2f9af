package io.judgeforge.stage;

import io.judgeforge.teacher.CallOutcome;
import java.util.List;

/**
 * What one work item of a stage step ended as: its records (zero or more, for steps that fan out), or
 * filtered or quarantined with a {@link Reason}. Sealed, so a step's accounting (in = out + filtered +
 * quarantined) is a tally over exactly these three.
 */
public sealed interface ItemOutcome<T> {
    ItemStatus status();

    /** The records made: none unless {@link Out}. */
    List<T> records();

    /** What the item's calls cost, whatever became of it. */
    CallUsage usage();

    /** Produced its records. */
    record Out<T>(List<T> records, CallUsage usage) implements ItemOutcome<T> {
        public Out {
            records = List.copyOf(records);
        }

        @Override
        public ItemStatus status() {
            return ItemStatus.OUT;
        }
    }

    /** Filtered or quarantined: kept with its reason, a detail for a reader, and its input. */
    sealed interface Rejected<T> extends ItemOutcome<T> {
        Reason reason();

        String detail();

        @Override
        default List<T> records() {
            return List.of();
        }
    }

    /** Removed on purpose by a rule of the pipeline or of the run (a budget stop). */
    record Filtered<T>(Reason reason, String detail, CallUsage usage) implements Rejected<T> {
        @Override
        public ItemStatus status() {
            return ItemStatus.FILTERED;
        }
    }

    /** Could not be processed: a call without a usable answer, an answer that does not parse, bad data. */
    record Quarantined<T>(Reason reason, String detail, CallUsage usage) implements Rejected<T> {
        @Override
        public ItemStatus status() {
            return ItemStatus.QUARANTINED;
        }
    }

    static <T> ItemOutcome<T> out(List<T> records, CallUsage usage) {
        return new Out<>(records, usage);
    }

    static <T> ItemOutcome<T> filtered(Reason reason, String detail, CallUsage usage) {
        return new Filtered<>(reason, detail, usage);
    }

    static <T> ItemOutcome<T> quarantined(Reason reason, String detail, CallUsage usage) {
        return new Quarantined<>(reason, detail, usage);
    }

    /**
     * A call that did not give a usable answer: quarantined with its outcome as the reason, except a
     * budget stop, which is a rule the run was given and so filters the item.
     */
    static <T> ItemOutcome<T> failedCall(CallOutcome outcome, String error, CallUsage usage) {
        return outcome == CallOutcome.BUDGET_EXHAUSTED
                ? filtered(outcome, error, usage)
                : quarantined(outcome, error, usage);
    }
}
