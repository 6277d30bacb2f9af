package io.judgeforge.teacher.call;

import java.util.Optional;

/**
 * Finds the answer to a request that a dead attempt (a killed driver or executor) may have sent and
 * never stored, so the request is not paid for twice. Asked only when the request's claim in the
 * response store lapsed unreleased; a miss means the request is made again.
 */
@FunctionalInterface
public interface InFlightRecovery {
    /** The provider's answer to {@code request}, if it kept one; empty when it did not or cannot say. */
    Optional<Reply> recover(WireRequest request);

    /** Nothing is recovered: a request in flight when its attempt died is made again. */
    InFlightRecovery NONE = request -> Optional.empty();
}
