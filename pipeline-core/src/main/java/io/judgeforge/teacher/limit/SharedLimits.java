package io.judgeforge.teacher.limit;

import java.io.Serializable;

/**
 * Where the application-wide limits live: each endpoint and model's RPM and TPM, pauses a server
 * asked for, and the run's USD and token budget. In local mode that is this JVM
 * ({@link InProcessLimits}); on a cluster it is the driver, which serves them to every executor
 * ({@link LimitService}), so the limits hold for the whole application however
 * many executors there are, dynamic allocation included.
 *
 * <p>A rate bucket is named by the caller and carries its RPM and TPM (0 = no limit), so the holder
 * needs no config of its own. A ledger is one stage's budget account.
 */
public interface SharedLimits extends Serializable {
    /**
     * Books one request and {@code tokens} estimated tokens against the bucket's limits; returns the
     * milliseconds to wait before sending it (0 = now), including any pause a server asked for.
     */
    long reserve(String bucket, double rpm, double tpm, double tokens);

    /** Corrects the tokens booked for a request by {@code tokens} (negative: the estimate came out high). */
    void correct(String bucket, double rpm, double tpm, double tokens);

    /** A server said its budget is spent for {@code ms}: no request of the bucket starts before then, anywhere. */
    void pause(String bucket, double rpm, double tpm, long ms);

    /** What a booking came to. */
    enum Grant {
        /** Booked: the call may go. */
        GRANTED,
        /** Not now: it fits beside what is spent, not beside the bookings of calls in flight; ask again. */
        WAIT,
        /** Never: what is spent already leaves no room for it. */
        REFUSED
    }

    /**
     * Books the worst case of one call, {@code usd} and {@code tokens}, under {@code id} against the
     * ledger's budget ({@code maxUsd}, {@code maxTokens}; 0 = no limit, negative = nothing left),
     * unless the spend so far, the bookings of calls in flight and this one would pass a limit. A
     * call that spends no USD (an unpriced model) is held only by the token limit. A booking not
     * settled within {@code ttlMs} (its executor died) stops holding room. Booking an id again
     * changes nothing and answers as the first time did, so a retried request is harmless.
     */
    Grant book(String ledger, String id, double maxUsd, long maxTokens, double usd, long tokens, long ttlMs);

    /**
     * Replaces booking {@code id} by what the call really spent (0 for a call that was not answered).
     * Settling an id again changes nothing.
     */
    void settle(String ledger, String id, double usd, long tokens);
}
