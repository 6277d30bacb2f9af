package io.judgeforge.teacher.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.call.Usage;
import io.judgeforge.teacher.limit.InProcessLimits;
import io.judgeforge.teacher.limit.SharedLimits;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpendingTest {
  static final Map<String, io.judgeforge.config.PipelineConfig.Price> PRICES = Map.of("big", new io.judgeforge.config.PipelineConfig.Price(10, 30));

  static String ledger() {
    return "test/" + UUID.randomUUID();
  }

  @Test
  void costIsPerMillionTokensAndZeroWithoutAPrice() {
    Spending s = new Spending(PRICES, ledger(), 0, 0);
    assertEquals(0.01 + 0.015, s.cost("big", 1_000, 500), 1e-12);
    assertEquals(0, s.cost("free", 1_000_000, 1_000_000));
  }

  @Test
  void aCallIsMadeOnlyWhenItsWorstCaseFitsInWhatIsLeft() throws Exception {
    // Worst case of a call of 1,000 prompt and 500 completion tokens: 0.025 USD.
    String ledger = ledger();
    Spending s = new Spending(PRICES, ledger, 0.06, 0);
    Spending.Booking first = s.book("big", 1_000, 500);
    Spending.Booking second = s.book("big", 1_000, 500);
    assertNotNull(first);
    assertNotNull(second);
    assertEquals(SharedLimits.Grant.WAIT, InProcessLimits.INSTANCE.book(ledger, 0.06, 0, 0.025, 1_500),
        "two calls in flight have booked 0.05 of 0.06: a third waits for them");
    // The first came out at a fifth of its worst case: its unused booking is free again.
    assertEquals(0.005, s.settle(first, new Usage(200, 0, 100, 0)), 1e-12);
    assertNotNull(s.book("big", 1_000, 500), "0.005 spent + 0.025 booked + 0.025 fits in 0.06");
    s.settle(second, new Usage(1_000, 0, 500, 0));
    assertEquals(SharedLimits.Grant.REFUSED, InProcessLimits.INSTANCE.book(ledger, 0.06, 0, 0.04, 1_500),
        "0.03 spent leaves no room for 0.04, whatever settles");
    assertNotNull(s.book("free", 1_000_000, 1_000_000), "a model without a price spends no USD");
  }

  @Test
  void aTokenBudgetHoldsEveryModelAndANegativeLimitStopsAtOnce() throws Exception {
    Spending tokens = new Spending(PRICES, ledger(), 0, 1_000);
    Spending.Booking b = tokens.book("free", 600, 300);
    assertNotNull(b);
    tokens.settle(b, new Usage(500, 0, 300, 0));
    assertNull(tokens.book("free", 100, 150), "800 spent + 250 > 1,000");
    assertNotNull(tokens.book("free", 100, 100), "800 spent + 200 fits");
    assertNull(new Spending(PRICES, ledger(), -1, 0).book("big", 1, 1));
    assertNotNull(new Spending(PRICES, ledger(), -1, 0).book("free", 1, 1), "no USD left, but the call costs none");
    assertNotNull(new Spending(PRICES, ledger(), 0, 0).book("big", 1_000_000, 1_000_000), "0 means no limit");
  }

  @Test
  void aCallWaitingForRoomThatNeverComesBackIsRefusedInTheEnd() throws Exception {
    // A booking whose executor died is never settled; the second call must not wait forever.
    Spending s = new Spending(PRICES, ledger(), 0.04, 0);
    assertNotNull(s.book("big", 1_000, 500));
    long start = System.nanoTime();
    assertNull(s.book("big", 1_000, 500, 300), "refused after waiting 300 ms for room");
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 300, "it waited first");
  }
}
