package io.judgeforge.teacher.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void aUsdBudgetStopsPricedModelsOnlyOnceSpent() {
    Spending s = new Spending(PRICES, ledger(), 0.02, 0);
    assertFalse(s.exhausted("big"));
    assertEquals(0.025, s.charge("big", 1_000, 500), 1e-12);
    assertTrue(s.exhausted("big"));
    assertFalse(s.exhausted("free"), "a model without a price spends no USD");
  }

  @Test
  void aTokenBudgetStopsEveryModelAndANegativeShareStopsAtOnce() {
    Spending tokens = new Spending(PRICES, ledger(), 0, 1_000);
    tokens.charge("free", 600, 400);
    assertTrue(tokens.exhausted("free"));
    Spending none = new Spending(PRICES, ledger(), -1, 0);
    assertTrue(none.exhausted("big"));
    assertFalse(new Spending(PRICES, ledger(), 0, 0).exhausted("big"), "0 means no limit");
  }
}
