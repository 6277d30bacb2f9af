package io.judgeforge.teacher.call;

import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.cost.Spending;
import java.nio.charset.StandardCharsets;

/**
 * Makes a call only when its worst case fits in what the budget has left (waiting while calls in
 * flight hold the room it needs), and charges every reply
 * that reports usage, whether or not it is usable: a refusal or a cut-off answer was still paid for.
 */
public final class BudgetedCaller implements Caller {
    private final Caller next;
    private final Spending spending;
    private final long longestCallMs;

    /** {@code longestCallMs}: the longest a call can take, all attempts and waits included. */
    public BudgetedCaller(Caller next, Spending spending, long longestCallMs) {
        this.next = next;
        this.spending = spending;
        this.longestCallMs = longestCallMs;
    }

    @Override
    public Reply call(WireRequest request) {
        Spending.Booking booking;
        try {
            booking = spending.book(
                    request.model(),
                    request.body().getBytes(StandardCharsets.UTF_8).length,
                    request.maxTokens(),
                    longestCallMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.interrupted(request.key(), 0, 0);
        }
        if (booking == null) {
            return Reply.notSent(CallOutcome.BUDGET_EXHAUSTED, "the run's budget is spent", request.key());
        }
        Reply reply = Reply.notSent(CallOutcome.TRANSIENT, "not answered", request.key());
        try {
            reply = next.call(request);
        } finally {
            reply = settle(booking, reply);
        }
        return reply;
    }

    // A killed task's thread is interrupted, and an interrupted thread cannot reach the driver: the
    // flag is set aside while the booking is settled. A booking that cannot be settled at all lapses
    // after its time; the reply is never lost for it.
    private Reply settle(Spending.Booking booking, Reply reply) {
        Usage used = reply.stored() ? Usage.NONE : reply.usage();
        boolean interrupted = Thread.interrupted();
        double cost;
        try {
            cost = spending.settle(booking, used);
        } catch (RuntimeException e) {
            cost = spending.cost(booking.model(), used);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return !reply.stored() && used.total() > 0 ? reply.withCost(cost) : reply;
    }
}
