package io.judgeforge.teacher.cost;

import io.judgeforge.config.PipelineConfig.Price;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What teacher calls cost and how much may still be spent. Prices are USD per million tokens by
 * model (a model without a price costs 0). The budget is this JVM's share of what the run may still
 * spend ({@code budget.max-usd}, {@code budget.max-tokens}; 0 = no limit): when it is reached no new
 * call starts. Shares are given out by the driver before each stage from the committed stage
 * reports, so the cluster as a whole never spends more than the budget.
 */
public record Spending(Map<String, Price> prices, String ledger, double maxUsd, long maxTokens) implements Serializable {
  public static final Spending NONE = new Spending(Map.of(), "none", 0, 0);


  private static final Map<String, Ledger> LEDGERS = new ConcurrentHashMap<>();

  private static final class Ledger {
    final AtomicLong tokens = new AtomicLong();
    final DoubleAdder usd = new DoubleAdder();
  }

  public Spending {
    prices = Map.copyOf(prices);
  }

  /** The config's price table, with no budget: for pricing alone. */
  public static Spending pricing(io.judgeforge.config.PipelineConfig config) {
    return withBudget(config, "pricing", 0, 0);
  }

  /** The config's price table with a budget share under {@code ledger}. */
  public static Spending withBudget(io.judgeforge.config.PipelineConfig config, String ledger, double maxUsd, long maxTokens) {
    return new Spending(config.prices(), ledger, maxUsd, maxTokens);
  }

  public double cost(String model, long promptTokens, long completionTokens) {
    return cost(model, new io.judgeforge.teacher.call.Usage(promptTokens, 0, completionTokens, 0));
  }

  /**
   * Cached prompt tokens at the cached-input price where the table gives one; reasoning tokens are
   * part of the completion tokens and cost output, as providers bill them.
   */
  public double cost(String model, io.judgeforge.teacher.call.Usage usage) {
    Price p = prices.get(model);
    if (p == null) {
      return 0;
    }
    long cached = Double.isNaN(p.cachedInput()) ? 0 : Math.min(usage.cachedTokens(), usage.promptTokens());
    double cachedPrice = Double.isNaN(p.cachedInput()) ? p.input() : p.cachedInput();
    return ((usage.promptTokens() - cached) * p.input() + cached * cachedPrice
        + usage.completionTokens() * p.output()) / 1_000_000.0;
  }

  /**
   * True when a new call to {@code model} may not start: the token share is used up, or the USD
   * share is and the model has a price (a free model, such as a local scorer, spends no USD).
   */
  public boolean exhausted(String model) {
    Ledger l = LEDGERS.get(ledger);
    double usd = l == null ? 0 : l.usd.sum();
    long tokens = l == null ? 0 : l.tokens.get();
    boolean usdSpent = maxUsd < 0 || (maxUsd > 0 && usd >= maxUsd);
    boolean tokensSpent = maxTokens < 0 || (maxTokens > 0 && tokens >= maxTokens);
    return tokensSpent || (usdSpent && prices.containsKey(model));
  }

  /** Records a call's spend; returns its cost in USD. */
  public double charge(String model, long promptTokens, long completionTokens) {
    return charge(model, new io.judgeforge.teacher.call.Usage(promptTokens, 0, completionTokens, 0));
  }

  /** Records a call's spend; returns its cost in USD. */
  public double charge(String model, io.judgeforge.teacher.call.Usage usage) {
    double usd = cost(model, usage);
    Ledger l = LEDGERS.computeIfAbsent(ledger, k -> new Ledger());
    l.tokens.addAndGet(usage.total());
    l.usd.add(usd);
    return usd;
  }
}
