package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.stage.select.ScoreBalancePlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage select: drops IFD outliers within each scenario and mode (z-score over
 * {@code select.ifd-max-z}, the Themis rule; a pair loses both orders together), then caps each
 * pointwise score within each scenario and mode so that no score holds more than
 * {@code select.max-score-share}, keeping the highest-IFD records. Pairwise records are not capped
 * here: their A and B counts are equal by construction, and a cap would split pairs. Ties break by
 * id, so the choice is the same for any partitioning.
 */
public final class SelectJob {
  public static final String STAGE = "select";

  private SelectJob() {}

  public static StageReport run(PipelineContext ctx) {
    long start = System.nanoTime();
    PipelineConfig.Select settings = ctx.config().select();
    Dataset<Row> scores = ctx.spark().read().parquet(ctx.layout().records(ScoreJob.STAGE));
    Column[] scoreCols = java.util.Arrays.stream(RecordCodec.of(IfdScore.class).schema().fieldNames())
        .map(c -> col(c)).toArray(Column[]::new);

    // Step 1: IFD outliers per scenario and mode (a pairwise target is another kind of text).
    var byScenario = Window.partitionBy("scenario", "mode");
    Dataset<Row> z = scores
        .withColumn("ifd_mean", avg("ifd").over(byScenario))
        .withColumn("ifd_sd", stddev_samp("ifd").over(byScenario))
        .withColumn("ifd_z", when(col("ifd_sd").isNull().or(col("ifd_sd").equalTo(0)), lit(0.0))
            .otherwise(col("ifd").minus(col("ifd_mean")).divide(col("ifd_sd"))))
        .withColumn("own_outlier", col("ifd_z").gt(settings.ifdMaxZ()))
        // The two orders of a pair are kept or dropped together.
        .withColumn("outlier", when(col("pair_id").isNull(), col("own_outlier"))
            .otherwise(org.apache.spark.sql.functions.max(col("own_outlier")).over(Window.partitionBy("pair_id"))))
        .cache();
    Dataset<Row> inliers = z.filter(col("outlier").unary_$bang()).select(scoreCols);
    Dataset<Row> outlierRejects = z.filter(col("outlier"))
        .select(rejectCols("ifd-outliers", "ifd_outlier",
            when(col("own_outlier"), concat(lit("IFD z-score "), format_number(col("ifd_z"), 2), lit(" > " + settings.ifdMaxZ())))
                .otherwise(lit("the other order of its pair is an IFD outlier")), scoreCols));
    long in = z.count();
    long inlierCount = inliers.count();
    StepOutput outliers = new StepOutput(inliers, outlierRejects, StepCounts.ofFilter("ifd-outliers", in, inlierCount, outlierRejects));

    // Step 2: score balance per scenario and mode, pointwise records only. Only the histogram
    // of (scenario, mode, label) counts comes to the driver.
    Map<List<String>, Map<String, Long>> histograms = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (Row r : inliers.filter(col("pair_id").isNull()).groupBy("scenario", "mode", "label").count().collectAsList()) {
      histograms.computeIfAbsent(List.of(r.getString(0), r.getString(1)), k -> new HashMap<>()).put(r.getString(2), r.getLong(3));
    }
    List<Row> capRows = new ArrayList<>();
    histograms.forEach((group, histogram) -> ScoreBalancePlanner.kept(histogram, settings.maxScoreShare())
        .forEach((label, keep) -> capRows.add(RowFactory.create(group.get(0), group.get(1), label, keep))));
    StructType capSchema = new StructType().add("cap_scenario", DataTypes.StringType).add("cap_mode", DataTypes.StringType)
        .add("cap_label", DataTypes.StringType).add("cap_keep", DataTypes.LongType);
    Dataset<Row> caps = ctx.spark().createDataFrame(capRows, capSchema);
    Dataset<Row> ranked = inliers
        .join(caps, col("scenario").equalTo(col("cap_scenario")).and(col("mode").equalTo(col("cap_mode")))
            .and(col("label").equalTo(col("cap_label"))), "left")
        .withColumn("rank", row_number().over(Window.partitionBy("scenario", "mode", "label")
            .orderBy(col("ifd").desc(), col("judgment_id"))))
        .cache();
    Column keep = col("pair_id").isNotNull().or(col("rank").leq(coalesce(col("cap_keep"), lit(0L))));
    Dataset<Row> balanced = ranked.filter(keep).select(scoreCols);
    Dataset<Row> balanceRejects = ranked.filter(keep.unary_$bang())
        .select(rejectCols("score-balance", "score_balance",
            concat(col("mode"), lit(" label "), col("label"), lit(" of "), col("scenario"), lit(" capped at "),
                col("cap_keep").cast("string")), scoreCols));
    StepOutput balance = new StepOutput(balanced, balanceRejects,
        StepCounts.ofFilter("score-balance", inlierCount, balanced.count(), balanceRejects));

    return StageOutputs.write(ctx, STAGE, balanced, List.of(outliers, balance), start);
  }

  private static Column[] rejectCols(String step, String reason, Column detail, Column[] scoreCols) {
    return new Column[] {lit(STAGE).as("stage"), lit(step).as("step"), lit(ItemStatus.FILTERED.code()).as("status"),
        col("judgment_id").as("item_id"), col("scenario"), lit(reason).as("reason"), detail.as("detail"),
        to_json(struct(scoreCols)).as("input")};
  }
}
