package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StepReport;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Tallies a step's accounting with Spark aggregations; only the small aggregates reach the driver. */
public final class StepCounts {
    private StepCounts() {}

    /**
     * From a teacher step's item log. {@code in} is the step's input count, taken before the calls:
     * an item missing from the log makes the report unbalanced instead of disappearing.
     */
    public static StepReport ofItems(String step, long in, Dataset<Row> items) {
        Map<String, long[]> byStatus = new HashMap<>();
        double costUsd = 0;
        for (Row r : items.groupBy("status")
                .agg(
                        count(lit(1)),
                        sum("calls"),
                        sum("prompt_tokens"),
                        sum("completion_tokens"),
                        sum(size(col("records"))),
                        sum("stored"),
                        sum("cost_usd"),
                        sum("cached_tokens"),
                        sum("reasoning_tokens"))
                .collectAsList()) {
            byStatus.put(r.getString(0), new long[] {
                r.getLong(1),
                r.getLong(2),
                r.getLong(3),
                r.getLong(4),
                r.getLong(5),
                r.getLong(6),
                r.getLong(8),
                r.getLong(9)
            });
            costUsd += r.getDouble(7);
        }
        long[] zero = new long[8];
        long out = byStatus.getOrDefault(ItemStatus.OUT.code(), zero)[0];
        long filtered = byStatus.getOrDefault(ItemStatus.FILTERED.code(), zero)[0];
        long quarantined = byStatus.getOrDefault(ItemStatus.QUARANTINED.code(), zero)[0];
        long calls = 0;
        long promptTokens = 0;
        long completionTokens = 0;
        long produced = 0;
        long stored = 0;
        long cached = 0;
        long reasoning = 0;
        for (long[] v : byStatus.values()) {
            cached += v[6];
            reasoning += v[7];
            stored += v[5];
            calls += v[1];
            promptTokens += v[2];
            completionTokens += v[3];
            produced += v[4];
        }
        return new StepReport(
                step,
                in,
                out,
                filtered,
                quarantined,
                produced,
                reasons(items.filter(col("status").notEqual(ItemStatus.OUT.code()))),
                calls,
                stored,
                promptTokens,
                completionTokens,
                costUsd,
                costByScenario(items),
                cached,
                reasoning);
    }

    /** For a step without calls: {@code in} items, of which {@code rejects} (RejectedRecord rows) were removed. */
    public static StepReport ofFilter(String step, long in, long out, Dataset<Row> rejects) {
        return ofFilter(step, in, out, out, rejects);
    }

    /** As {@link #ofFilter(String, long, long, Dataset)}, for a step whose kept items produce {@code produced} records. */
    public static StepReport ofFilter(String step, long in, long out, long produced, Dataset<Row> rejects) {
        long filtered = 0;
        long quarantined = 0;
        for (Row r : rejects.groupBy("status").count().collectAsList()) {
            if (ItemStatus.FILTERED.code().equals(r.getString(0))) {
                filtered = r.getLong(1);
            } else {
                quarantined += r.getLong(1);
            }
        }
        return new StepReport(
                step, in, out, filtered, quarantined, produced, reasons(rejects), 0, 0, 0, 0, 0, Map.of(), 0, 0);
    }

    // Only scenarios that cost something are listed.
    private static Map<String, Double> costByScenario(Dataset<Row> items) {
        Map<String, Double> costs = new TreeMap<>();
        for (Row r : items.groupBy(coalesce(col("scenario"), lit("(none)")))
                .agg(sum("cost_usd"))
                .collectAsList()) {
            if (r.getDouble(1) > 0) {
                costs.put(r.getString(0), r.getDouble(1));
            }
        }
        return costs;
    }

    private static Map<String, Long> reasons(Dataset<Row> rejects) {
        Map<String, Long> reasons = new TreeMap<>();
        for (Row r :
                rejects.groupBy(coalesce(col("reason"), lit("unknown"))).count().collectAsList()) {
            reasons.put(r.getString(0), r.getLong(1));
        }
        return reasons;
    }

    /** Records per scenario of a stage's output. */
    public static Map<String, Long> byScenario(Dataset<Row> records) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row r : records.groupBy(coalesce(col("scenario"), lit("(none)")))
                .count()
                .collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        return counts;
    }
}
