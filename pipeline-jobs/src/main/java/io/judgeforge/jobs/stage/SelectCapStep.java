package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.select.CapPlan;
import io.judgeforge.stage.select.CapStep;
import io.judgeforge.stage.select.SelectionUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A {@link CapStep} of stage select at scale: only each bucket's supply of units reaches the driver, which
 * plans the caps; a bucket keeps its first units by the highest IFD or a seeded random order, ties by id.
 */
final class SelectCapStep {
    private static final RecordCodec<CapStep.BucketSupply> SUPPLY = RecordCodec.of(CapStep.BucketSupply.class);

    private SelectCapStep() {}

    /** The previous step's records in units, each bucket's first units kept up to the cap {@code step} sets. */
    static StepOutput run(PipelineContext ctx, StepOutput previous, CapStep step) {
        Column[] bucket = {col("scenario"), col("mode"), col("bucket")};
        Dataset<Row> records = previous.records()
                .withColumn("unit_id", coalesce(col("pair_id"), col("judgment_id")))
                .withColumn(
                        "bucket",
                        udf((UDF2<String, String, String>) SelectionUnit::bucket, DataTypes.StringType)
                                .apply(col("mode"), col("label")))
                .cache();
        Dataset<Row> units = records.groupBy("unit_id", "scenario", "mode", "bucket")
                .agg(count(lit(1)).as("size"), max("ifd").as("unit_ifd"))
                .cache();
        CapPlan plan = step.plan(units
                .groupBy(struct(bucket).as("key"))
                .agg(count(lit(1)).as("units"), functions.sum("size").as("records"))
                .collectAsList()
                .stream()
                .map(SUPPLY::fromRow)
                .toList());
        var cap = udf((UDF3<String, String, String, Long>) plan::cap, DataTypes.LongType);
        Column order = ctx.config().select().order() == PipelineConfig.SelectOrder.IFD
                ? col("unit_ifd").multiply(-1)
                : lit(null).cast("double");
        Column random = functions.sha2(functions.concat(lit(ctx.config().run().seed() + ":"), col("unit_id")), 256);
        Dataset<Row> ranked = units.withColumn(
                "kept",
                functions
                        .row_number()
                        .over(Window.partitionBy(bucket).orderBy(order.asc_nulls_last(), random, col("unit_id")))
                        .leq(cap.apply(bucket)));
        Dataset<Row> withUnit = records.join(ranked.select("unit_id", "kept"), "unit_id")
                .withColumn(
                        "detail",
                        udf((UDF3<String, String, String, String>) plan::detail, DataTypes.StringType)
                                .apply(bucket))
                .cache();
        return SelectJob.split(
                withUnit,
                col("kept"),
                step.name(),
                step.reason().code(),
                previous.report().out());
    }
}
