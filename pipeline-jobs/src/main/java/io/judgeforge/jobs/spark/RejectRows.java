package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.lit;

import io.judgeforge.stage.ItemStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows shaped as RejectedRecord, the one schema of every stage's filtered/ and quarantine/ folders. */
public final class RejectRows {
    private RejectRows() {}

    /** Each of {@code rows} as a rejected item of {@code stage}/{@code step}, with its reason, detail and input. */
    public static Dataset<Row> of(
            Dataset<Row> rows,
            String stage,
            String step,
            ItemStatus status,
            Column itemId,
            Column scenario,
            Column reason,
            Column detail,
            Column input) {
        return rows.select(
                lit(stage).as("stage"),
                lit(step).as("step"),
                lit(status.code()).as("status"),
                itemId.as("item_id"),
                scenario.cast("string").as("scenario"),
                reason.cast("string").as("reason"),
                detail.cast("string").as("detail"),
                input.as("input"));
    }
}
