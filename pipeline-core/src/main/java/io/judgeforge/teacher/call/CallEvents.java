package io.judgeforge.teacher.call;

import java.io.Serializable;

/**
 * Hears of every request the caller stack puts on the wire and of its return, for the live progress
 * line: requests made, 429s, requests in flight. It is called from every call thread at once. What it
 * counts is only shown, never reported: a retried Spark task repeats its requests, so the run's counts
 * come from the committed item logs.
 */
public interface CallEvents extends Serializable {
    /** Heard by no one. */
    CallEvents NONE = new CallEvents() {
        @Override
        public void sent() {}

        @Override
        public void returned(boolean rateLimited) {}
    };

    /** One attempt of a request went on the wire. */
    void sent();

    /** That attempt came back or failed; {@code rateLimited} when the answer was a 429 rate limit. */
    void returned(boolean rateLimited);
}
