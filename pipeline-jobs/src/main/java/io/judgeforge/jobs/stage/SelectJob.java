package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.CapPlan;
import io.judgeforge.stage.select.CapStep;
import io.judgeforge.stage.select.IfdOutlierFilter;
import io.judgeforge.stage.select.SelectionUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Stage select: {@link IfdOutlierFilter}, then each {@link CapStep} over units ({@link SelectionUnit}), a
 * bucket keeping its units by the highest IFD or a seeded random order ({@code select.order}), ties by id.
 * Only group statistics and histograms reach the driver, so any partitioning selects the same records.
 */
public final class SelectJob {
    public static final String STAGE = "select";
    static final String BALANCE_REPORT = "_balance.json";
    private static final RecordCodec<IfdScore> SCORES = RecordCodec.of(IfdScore.class);
    private static final RecordCodec<CapStep.BucketSupply> SUPPLY = RecordCodec.of(CapStep.BucketSupply.class);

    private SelectJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        Dataset<Row> scores =
                ctx.spark().read().parquet(ctx.layout().records(ScoreJob.STAGE)).cache();
        List<StepOutput> steps = new ArrayList<>(
                List.of(ifdFilter(scores, IfdOutlierFilter.of(ctx.config().select()))));
        for (CapStep step : CapStep.of(ctx.config().select())) {
            steps.add(capped(ctx, steps.get(steps.size() - 1), step));
        }
        StageReport report =
                StageOutputs.write(ctx, STAGE, steps.get(steps.size() - 1).records(), steps, start);
        Column quantiles = functions.array(
                BalanceReport.IFD_QUANTILES.stream().map(functions::lit).toArray(Column[]::new));
        var ifd = scores.groupBy("scenario").agg(functions.percentile(col("ifd"), quantiles)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.<Double>getList(1)));
        ctx.files()
                .replaceText(
                        ctx.layout().stage(STAGE) + "/" + BALANCE_REPORT,
                        BalanceReport.json(
                                labelCounts(scores),
                                labelCounts(
                                        ctx.spark().read().parquet(ctx.layout().records(STAGE))),
                                ifd));
        return report;
    }

    /** The IFD mean and deviation per scenario and mode, then per pair whether either order is an outlier. */
    private static StepOutput ifdFilter(Dataset<Row> scores, IfdOutlierFilter filter) {
        var group = Window.partitionBy("scenario", "mode");
        var own = udf(
                (UDF3<Double, Double, Double, String>)
                        (ifd, mean, sd) -> filter.ownOutlier(ifd, mean, sd).orElse(null),
                DataTypes.StringType);
        var verdict = udf(
                (UDF2<String, Boolean, String>)
                        (why, pairHasOutlier) -> IfdOutlierFilter.verdict(Optional.ofNullable(why), pairHasOutlier)
                                .orElse(null),
                DataTypes.StringType);
        Dataset<Row> judged = scores.withColumn(
                        "own",
                        own.apply(
                                col("ifd"),
                                avg("ifd").over(group),
                                stddev_samp("ifd").over(group)))
                .withColumn(
                        "detail",
                        verdict.apply(
                                col("own"),
                                col("pair_id")
                                        .isNotNull()
                                        .and(max(col("own").isNotNull()).over(Window.partitionBy("pair_id")))))
                .cache();
        return split(judged, col("detail").isNull(), "ifd-filter", RejectReason.IFD_OUTLIER.code(), judged.count());
    }

    /** The previous step's records in units, each bucket's first units kept up to the cap {@code step} sets. */
    private static StepOutput capped(PipelineContext ctx, StepOutput previous, CapStep step) {
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
        return split(
                withUnit,
                col("kept"),
                step.name(),
                step.reason().code(),
                previous.report().out());
    }

    /** A step's output: the {@code kept} rows as score records, the others (with a {@code detail}) as its rejects. */
    private static StepOutput split(Dataset<Row> rows, Column kept, String step, String reason, long in) {
        Column[] columns =
                Arrays.stream(SCORES.schema().fieldNames()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> records = rows.filter(kept).select(columns).cache();
        Dataset<Row> rejects = RejectRows.of(
                rows.filter(functions.not(kept)),
                STAGE,
                step,
                ItemStatus.FILTERED,
                col("judgment_id"),
                col("scenario"),
                lit(reason),
                col("detail"),
                functions.to_json(struct(columns)));
        return new StepOutput(records, rejects, StepCounts.ofFilter(step, in, records.count(), rejects));
    }

    private static List<BalanceReport.LabelCount> labelCounts(Dataset<Row> records) {
        return records.groupBy("scenario", "mode", "label").agg(count(lit(1)).as("records")).collectAsList().stream()
                .map(RecordCodec.of(BalanceReport.LabelCount.class)::fromRow)
                .toList();
    }
}
