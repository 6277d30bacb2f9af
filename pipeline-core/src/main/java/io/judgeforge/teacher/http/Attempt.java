package io.judgeforge.teacher.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.teacher.CallOutcome;

/**
 * One HTTP attempt as the error mapper read it. {@code retryable}: another attempt may succeed.
 * {@code json} is the parsed body of a 200 (also of a refused or cut-off one, whose usage is paid
 * for); {@code errorKey} identifies an error message so that the same 400 again and again can be
 * told apart from per-item ones.
 */
public record Attempt(
        CallOutcome outcome,
        int status,
        JsonNode json,
        String raw,
        String error,
        String errorKey,
        boolean retryable,
        ServerHints hints) {
    public static Attempt ioFailure(Exception e, java.util.function.UnaryOperator<String> redact) {
        return new Attempt(
                CallOutcome.TRANSIENT,
                0,
                null,
                null,
                e.getClass().getSimpleName() + ": " + redact.apply(String.valueOf(e.getMessage())),
                null,
                true,
                ServerHints.NONE);
    }

    /** A failure that counts towards the circuit breaker: the server is overloaded or broken. */
    public boolean serverFault() {
        return outcome == CallOutcome.RATE_LIMITED
                || outcome == CallOutcome.TRANSIENT
                || outcome == CallOutcome.MALFORMED_JSON;
    }
}
