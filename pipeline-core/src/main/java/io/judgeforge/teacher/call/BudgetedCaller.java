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

  public BudgetedCaller(Caller next, Spending spending) {
    this.next = next;
    this.spending = spending;
  }

  @Override
  public Reply call(WireRequest request) {
    Spending.Booking booking;
    try {
      booking = spending.book(request.model(), request.body().getBytes(StandardCharsets.UTF_8).length,
          request.maxTokens());
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
      Usage used = reply.stored() ? Usage.NONE : reply.usage();
      double cost = spending.settle(booking, used);
      if (!reply.stored() && used.total() > 0) {
        reply = reply.withCost(cost);
      }
    }
    return reply;
  }
}
