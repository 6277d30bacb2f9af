package io.judgeforge.teacher.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.judgeforge.teacher.call.Usage;
import io.judgeforge.teacher.limit.InProcessLimits;
import io.judgeforge.teacher.limit.SharedLimits;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpendingTest {
    static final long TTL = 60_000;
    static final Map<String, io.judgeforge.config.PipelineConfig.Price> PRICES =
            Map.of("big", new io.judgeforge.config.PipelineConfig.Price(10, 30));

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
        Spending.Booking first = s.book("big", 1_000, 500, TTL);
        Spending.Booking second = s.book("big", 1_000, 500, TTL);
        assertNotNull(first);
        assertNotNull(second);
        assertEquals(
                SharedLimits.Grant.WAIT,
                InProcessLimits.INSTANCE.book(ledger, "probe-1", 0.06, 0, 0.025, 1_500, TTL),
                "two calls in flight have booked 0.05 of 0.06: a third waits for them");
        // The first came out at a fifth of its worst case: its unused booking is free again.
        assertEquals(0.005, s.settle(first, new Usage(200, 0, 100, 0)), 1e-12);
        assertNotNull(s.book("big", 1_000, 500, TTL), "0.005 spent + 0.025 booked + 0.025 fits in 0.06");
        s.settle(second, new Usage(1_000, 0, 500, 0));
        assertEquals(
                SharedLimits.Grant.REFUSED,
                InProcessLimits.INSTANCE.book(ledger, "probe-2", 0.06, 0, 0.04, 1_500, TTL),
                "0.03 spent leaves no room for 0.04, whatever settles");
        assertNotNull(s.book("free", 1_000_000, 1_000_000, TTL), "a model without a price spends no USD");
    }

    @Test
    void aTokenBudgetHoldsEveryModelAndANegativeLimitStopsAtOnce() throws Exception {
        Spending tokens = new Spending(PRICES, ledger(), 0, 1_000);
        Spending.Booking b = tokens.book("free", 600, 300, TTL);
        assertNotNull(b);
        tokens.settle(b, new Usage(500, 0, 300, 0));
        assertNull(tokens.book("free", 100, 150, TTL), "800 spent + 250 > 1,000");
        assertNotNull(tokens.book("free", 100, 100, TTL), "800 spent + 200 fits");
        assertNull(new Spending(PRICES, ledger(), -1, 0).book("big", 1, 1, TTL));
        assertNotNull(
                new Spending(PRICES, ledger(), -1, 0).book("free", 1, 1, TTL), "no USD left, but the call costs none");
        assertNotNull(new Spending(PRICES, ledger(), 0, 0).book("big", 1_000_000, 1_000_000, TTL), "0 means no limit");
    }

    @Test
    void aBookingNeverSettledStopsHoldingRoomAfterItsTimeAndRepeatsChangeNothing() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        InProcessLimits limits = new InProcessLimits(now::get);
        // An executor booked 0.03 of 0.04 and died: the next call waits, until the booking's time is up.
        assertEquals(SharedLimits.Grant.GRANTED, limits.book("l", "dead", 0.04, 0, 0.03, 10, 60_000));
        assertEquals(
                SharedLimits.Grant.GRANTED,
                limits.book("l", "dead", 0.04, 0, 0.03, 10, 60_000),
                "a repeat is the same booking");
        assertEquals(SharedLimits.Grant.WAIT, limits.book("l", "next", 0.04, 0, 0.03, 10, 60_000));
        now.addAndGet(60_000);
        assertEquals(SharedLimits.Grant.GRANTED, limits.book("l", "next", 0.04, 0, 0.03, 10, 60_000));
        // A settle sent twice (its answer lost on the way back) counts once.
        limits.settle("l", "next", 0.005, 5);
        limits.settle("l", "next", 0.005, 5);
        assertEquals(
                SharedLimits.Grant.GRANTED,
                limits.book("l", "third", 0.04, 0, 0.035, 10, 60_000),
                "0.005 spent + 0.035");
        // The late settle of the lapsed booking still counts what that call spent.
        limits.settle("l", "dead", 0.004, 4);
        assertEquals(
                SharedLimits.Grant.REFUSED,
                limits.book("l", "fourth", 0.04, 0, 0.032, 10, 60_000),
                "0.009 spent + 0.032 > 0.04");
    }
}
