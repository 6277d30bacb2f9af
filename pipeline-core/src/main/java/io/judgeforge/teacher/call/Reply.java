package io.judgeforge.teacher.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.teacher.CallOutcome;

/**
 * What a request came to after all decorators: the outcome, the parsed body (also of a reply that
 * is paid for but unusable, such as a refusal), its usage and cost, how many attempts and how long
 * it took, and whether it came from the response store without a call (then {@code usage} is
 * still the answer's, as first reported, but it costs nothing now).
 */
public record Reply(
        CallOutcome outcome,
        JsonNode json,
        String raw,
        Usage usage,
        double costUsd,
        int attempts,
        long latencyMs,
        String error,
        String key,
        boolean stored) {
    /** A usable answer paid for before (kept in the store, or by the provider): it costs nothing now. */
    public static Reply stored(JsonNode json, String raw, String key) {
        return new Reply(CallOutcome.OK, json, raw, Usage.of(json), 0, 0, 0, null, key, true);
    }

    public static Reply notSent(CallOutcome outcome, String error, String key) {
        return new Reply(outcome, null, null, Usage.NONE, 0, 0, 0, error, key, false);
    }

    private static final String INTERRUPTED = "interrupted";

    /** The caller's thread was interrupted (its Spark task killed): no answer, and no verdict on the request. */
    static Reply interrupted(String key, int attempts, long latencyMs) {
        return new Reply(
                CallOutcome.TRANSIENT, null, null, Usage.NONE, 0, attempts, latencyMs, INTERRUPTED, key, false);
    }

    public boolean ok() {
        return outcome == CallOutcome.OK;
    }

    Reply withCost(double usd) {
        return new Reply(outcome, json, raw, usage, usd, attempts, latencyMs, error, key, stored);
    }

    /** A failure as another caller of the same request sees it: not sent by it, so nothing spent. */
    Reply asShared() {
        return new Reply(outcome, json, raw, Usage.NONE, 0, 0, 0, error, key, false);
    }

    boolean interrupted() {
        return outcome == CallOutcome.TRANSIENT && INTERRUPTED.equals(error);
    }

    /**
     * The same answer, as another caller sees it: already paid for, so from the store. The usage
     * stays (it describes the answer); the cost and the attempts were the first caller's.
     */
    Reply asStored() {
        return new Reply(outcome, json, raw, usage, 0, 0, 0, error, key, true);
    }
}
