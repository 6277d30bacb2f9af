package io.judgeforge.teacher.cost;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.Price;
import io.judgeforge.teacher.call.Usage;
import io.judgeforge.teacher.limit.InProcessLimits;
import io.judgeforge.teacher.limit.SharedLimits;
import java.io.Serializable;
import java.util.Map;

/**
 * What teacher calls cost and how much may still be spent. Prices are USD per million tokens by
 * model (a model without a price costs 0). The budget ({@code maxUsd}, {@code maxTokens}; 0 = no
 * limit, negative = nothing left) is what the stage may spend, booked in the ledger that
 * {@code limits} holds: this JVM's in local mode, the driver's for a whole cluster.
 *
 * <p>A call is booked at its worst case before it is sent and settled at what it really cost, so
 * the budget is never passed: a call whose worst case does not fit is not made. The worst case is
 * the request body's UTF-8 bytes as prompt tokens (no tokenizer makes more tokens than bytes, chat
 * template included, for bodies that carry the messages as JSON) plus the call's completion limit.
 */
public record Spending(Map<String, Price> prices, String ledger, double maxUsd, long maxTokens, SharedLimits limits)
        implements Serializable {
    public static final Spending NONE = new Spending(Map.of(), "none", 0, 0);

    public Spending {
        prices = Map.copyOf(prices);
    }

    /** Held in this JVM. */
    public Spending(Map<String, Price> prices, String ledger, double maxUsd, long maxTokens) {
        this(prices, ledger, maxUsd, maxTokens, InProcessLimits.INSTANCE);
    }

    /** The config's price table, with no budget: for pricing alone. */
    public static Spending pricing(PipelineConfig config) {
        return withBudget(config, "pricing", 0, 0, InProcessLimits.INSTANCE);
    }

    /** The config's price table with a budget under {@code ledger}, held by {@code limits}. */
    public static Spending withBudget(
            PipelineConfig config, String ledger, double maxUsd, long maxTokens, SharedLimits limits) {
        return new Spending(config.prices(), ledger, maxUsd, maxTokens, limits);
    }

    /** A booking of one call's worst case, under an id of its own, settled once the call is over. */
    public record Booking(String id, String model, double usd, long tokens) {}

    public boolean limited() {
        return maxUsd != 0 || maxTokens != 0;
    }

    public double cost(String model, long promptTokens, long completionTokens) {
        return cost(model, new Usage(promptTokens, 0, completionTokens, 0));
    }

    /**
     * Cached prompt tokens at the cached-input price where the table gives one; reasoning tokens are
     * part of the completion tokens and cost output, as providers bill them.
     */
    public double cost(String model, Usage usage) {
        Price p = prices.get(model);
        if (p == null) {
            return 0;
        }
        long cached = Double.isNaN(p.cachedInput()) ? 0 : Math.min(usage.cachedTokens(), usage.promptTokens());
        double cachedPrice = Double.isNaN(p.cachedInput()) ? p.input() : p.cachedInput();
        return ((usage.promptTokens() - cached) * p.input()
                        + cached * cachedPrice
                        + usage.completionTokens() * p.output())
                / 1_000_000.0;
    }

    /**
     * What a call made through a provider's batch API cost: at the model's batch prices where its
     * price gives them, else {@code discount} of the online cost (OpenAI bills batches at 50%).
     */
    public double batchCost(String model, Usage usage, double discount) {
        Price p = prices.get(model);
        if (p == null) {
            return 0;
        }
        if (Double.isNaN(p.batchInput())) {
            return cost(model, usage) * discount;
        }
        return (usage.promptTokens() * p.batchInput() + usage.completionTokens() * p.batchOutput()) / 1_000_000.0;
    }

    /**
     * Books a call of at most {@code promptTokens} and {@code completionTokens}, for at most
     * {@code ttlMs} (the longest the call can take: a booking its executor never settles stops
     * holding room then). While it fits beside what is spent but not beside the calls in flight, it
     * waits for them to settle or lapse; null when it can no longer fit (the call must not be made).
     * Without a budget every call fits.
     */
    public Booking book(String model, long promptTokens, long completionTokens, long ttlMs)
            throws InterruptedException {
        Usage worst = new Usage(promptTokens, 0, completionTokens, 0);
        Booking booking = new Booking(java.util.UUID.randomUUID().toString(), model, cost(model, worst), worst.total());
        if (!limited()) {
            return booking;
        }
        long pollMs = 20;
        while (true) {
            switch (limits.book(ledger, booking.id(), maxUsd, maxTokens, booking.usd(), booking.tokens(), ttlMs)) {
                case GRANTED:
                    return booking;
                case REFUSED:
                    return null;
                default:
                    Thread.sleep(pollMs);
                    pollMs = Math.min(500, pollMs * 2);
            }
        }
    }

    /** Replaces the booking by what the call spent ({@link Usage#NONE} if it was not answered); returns its cost. */
    public double settle(Booking booking, Usage used) {
        double usd = cost(booking.model(), used);
        if (limited()) {
            limits.settle(ledger, booking.id(), usd, used.total());
        }
        return usd;
    }
}
