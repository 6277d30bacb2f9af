package io.judgeforge.testing;

import io.judgeforge.stage.ItemOutcome;

/** The reason code and detail of an item outcome for assertions: null when the item was not rejected. */
public final class Outcomes {
    private Outcomes() {}

    public static String reason(ItemOutcome<?> outcome) {
        return outcome instanceof ItemOutcome.Rejected<?> r ? r.reason().code() : null;
    }

    public static String detail(ItemOutcome<?> outcome) {
        return outcome instanceof ItemOutcome.Rejected<?> r ? r.detail() : null;
    }
}
