package io.judgeforge.teacher.call;

import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.cost.Spending;

/**
 * Starts no new call once the run's budget share is spent, and charges every reply that reports
 * usage, whether or not it is usable: a refusal or a cut-off answer was still paid for.
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
    if (spending.exhausted(request.model())) {
      return Reply.notSent(CallOutcome.BUDGET_EXHAUSTED, "the run's budget is spent", request.key());
    }
    Reply reply = next.call(request);
    if (reply.stored() || reply.usage().total() == 0) {
      return reply;
    }
    return reply.withCost(spending.charge(request.model(), reply.usage()));
  }
}
