package io.judgeforge.teacher.call;

/**
 * Makes one request and says what came of it. The client is a stack of these: the response store
 * over the budget over the retries (with the endpoint's limits) over one HTTP transport. Failures
 * are returned as outcomes, never thrown.
 */
@FunctionalInterface
public interface Caller {
    Reply call(WireRequest request);
}
