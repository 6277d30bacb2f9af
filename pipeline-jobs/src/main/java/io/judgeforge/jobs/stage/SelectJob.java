package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.stage.select.CompositionPlanner;
import io.judgeforge.stage.select.ScoreBalancePlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Stage select, in three steps over the scored judge records:
 * <ol>
 *   <li>ifd-filter: drops IFD outliers (z-score within scenario and mode, Themis) or IFD > 1 (Cherry).
 *   <li>balance: per scenario and mode, pointwise scores are capped at {@code select.max-score-share}
 *       or shaped to {@code select.score-shares}; pairwise ties are kept at most as often as
 *       decisive pairs, so A, B and C are as even as the supply allows.
 *   <li>composition: per scenario quotas by weights or the paper's clusters, and a total size.
 * </ol>
 * A pair's two orders are one unit throughout. Quotas are filled by the highest IFD, or by a seeded
 * random order ({@code select.order: random}); ties break by id. Only histograms reach the driver,
 * so the result is the same for any partitioning.
 */
public final class SelectJob {
  public static final String STAGE = "select";
  private static final String PAIRWISE = "pairwise";
  static final String BALANCE_REPORT = "_balance.json";

  private SelectJob() {}

  public static StageReport run(PipelineContext ctx) {
    long start = System.nanoTime();
    PipelineConfig.Select settings = ctx.config().select();
    Dataset<Row> scores = ctx.spark().read().parquet(ctx.layout().records(ScoreJob.STAGE)).cache();
    Column[] scoreCols = java.util.Arrays.stream(RecordCodec.of(IfdScore.class).schema().fieldNames())
        .map(c -> col(c)).toArray(Column[]::new);

    // Step 1: the IFD filter. A pair loses both orders when either is filtered.
    var byScenario = Window.partitionBy("scenario", "mode");
    Dataset<Row> z = scores
        .withColumn("ifd_mean", avg("ifd").over(byScenario))
        .withColumn("ifd_sd", stddev_samp("ifd").over(byScenario))
        .withColumn("ifd_z", when(col("ifd_sd").isNull().or(col("ifd_sd").equalTo(0)), lit(0.0))
            .otherwise(col("ifd").minus(col("ifd_mean")).divide(col("ifd_sd"))))
        .withColumn("own_outlier", switch3(settings.ifdFilter(), col("ifd_z").gt(settings.ifdMaxZ()), col("ifd").gt(1.0)))
        .withColumn("outlier", when(col("pair_id").isNull(), col("own_outlier"))
            .otherwise(max(col("own_outlier")).over(Window.partitionBy("pair_id"))))
        .cache();
    Dataset<Row> inliers = z.filter(col("outlier").unary_$bang()).select(scoreCols).cache();
    Column why = settings.ifdFilter() == PipelineConfig.IfdFilter.CHERRY
        ? concat(lit("IFD "), format_number(col("ifd"), 3), lit(" > 1"))
        : concat(lit("IFD z-score "), format_number(col("ifd_z"), 2), lit(" > " + settings.ifdMaxZ()));
    Dataset<Row> outlierRejects = rejects(z.filter(col("outlier")), "ifd-filter", "ifd_outlier",
        when(col("own_outlier"), why).otherwise(lit("the other order of its pair is an IFD outlier")), scoreCols);
    long in = z.count();
    long inlierCount = inliers.count();
    StepOutput filtered = new StepOutput(inliers, outlierRejects, StepCounts.ofFilter("ifd-filter", in, inlierCount, outlierRejects));

    // Step 2: balance, in units (a pointwise record, or a pair) per scenario, mode and bucket.
    long seed = ctx.config().run().seed();
    Dataset<Row> units = units(inliers, settings.order(), seed).cache();
    Map<List<String>, Long> caps = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    histogram(units, "units").forEach((group, buckets) -> balanced(group.get(1), buckets, settings)
        .forEach((bucket, keep) -> caps.put(List.of(group.get(0), group.get(1), bucket), keep)));
    Dataset<Row> keptUnits = keep(ctx, units, caps).cache();
    StepOutput balance = cut(inliers, keptUnits, "balance", "balance",
        concat(col("mode"), lit(" "), col("bucket"), lit(" of "), col("scenario"), lit(" capped at "),
            col("cap").cast("string"), lit(" units")), scoreCols, inlierCount);

    List<StepOutput> steps = new ArrayList<>(List.of(filtered, balance));
    if (settings.composition() != PipelineConfig.Composition.NONE || settings.total() > 0) {
      // Step 3: composition. Scenario quotas in records, then the most even split of each over its buckets.
      Dataset<Row> balancedUnits = keptUnits.filter(col("kept"));
      Map<String, Long> supply = new TreeMap<>();
      Map<List<String>, Map<String, Long>> records = histogram(balancedUnits, "records");
      records.forEach((group, buckets) -> buckets.values().forEach(n -> supply.merge(group.get(0), n, Long::sum)));
      Map<String, Long> quotas = CompositionPlanner.quotas(supply, settings.weights(), settings.total());
      Map<String, Map<String, Long>> byScenarioBucket = new TreeMap<>();
      records.forEach((group, buckets) -> buckets.forEach((bucket, n) ->
          byScenarioBucket.computeIfAbsent(group.get(0), k -> new TreeMap<>()).put(group.get(1) + "|" + bucket, n)));
      Map<List<String>, Long> quotaCaps = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
      byScenarioBucket.forEach((scenario, buckets) -> CompositionPlanner.split(buckets,
              buckets.keySet().stream().filter(k -> k.startsWith(PAIRWISE + "|")).collect(java.util.stream.Collectors.toSet()),
              quotas.getOrDefault(scenario, 0L))
          .forEach((key, n) -> {
            String[] modeBucket = key.split("\\|", 2);
            quotaCaps.put(List.of(scenario, modeBucket[0], modeBucket[1]), modeBucket[0].equals(PAIRWISE) ? n / 2 : n);
          }));
      Dataset<Row> selectedUnits = keep(ctx, balancedUnits, quotaCaps).cache();
      Dataset<Row> balanced = balance.records();
      steps.add(cut(balanced, selectedUnits, "composition", "composition",
          concat(col("scenario"), lit(" quota: "), col("mode"), lit(" "), col("bucket"), lit(" keeps "),
              col("cap").cast("string"), lit(" units")), scoreCols, balanced.count()));
    }
    Dataset<Row> selected = steps.get(steps.size() - 1).records();
    StageReport report = StageOutputs.write(ctx, STAGE, selected, steps, start);
    writeBalanceReport(ctx, scores, ctx.spark().read().parquet(ctx.layout().records(STAGE)));
    return report;
  }

  private static Column switch3(PipelineConfig.IfdFilter filter, Column zScore, Column cherry) {
    return switch (filter) {
      case Z_SCORE -> zScore;
      case CHERRY -> cherry;
      case NONE -> lit(false);
    };
  }

  /**
   * One row per unit: unit_id (the judgment, or the pair), scenario, mode, bucket (the score, or
   * decisive / tie for a pair), size (records) and its order key (highest IFD, or a seeded hash).
   */
  private static Dataset<Row> units(Dataset<Row> records, PipelineConfig.SelectOrder order, long seed) {
    Column bucket = when(col("mode").equalTo(PAIRWISE), when(col("label").equalTo("C"), lit("tie")).otherwise(lit("decisive")))
        .otherwise(col("label"));
    Dataset<Row> grouped = records
        .withColumn("unit_id", coalesce(col("pair_id"), col("judgment_id")))
        .groupBy(col("unit_id"), col("scenario"), col("mode"), bucket.as("bucket"))
        .agg(count(lit(1)).as("size"), max("ifd").as("unit_ifd"));
    return grouped.withColumn("order_key", order == PipelineConfig.SelectOrder.IFD ? col("unit_ifd").multiply(-1)
        : lit(null).cast("double"))
        .withColumn("random_key", sha2(concat(lit(seed + ":"), col("unit_id")), 256));
  }

  /** (scenario, mode) -> bucket -> units or records; only these counts reach the driver. */
  private static Map<List<String>, Map<String, Long>> histogram(Dataset<Row> units, String what) {
    Map<List<String>, Map<String, Long>> out = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    Column measure = what.equals("records") ? org.apache.spark.sql.functions.sum("size") : count(lit(1));
    for (Row r : units.groupBy("scenario", "mode", "bucket").agg(measure.cast("long")).collectAsList()) {
      out.computeIfAbsent(List.of(r.getString(0), r.getString(1)), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
    }
    return out;
  }

  /** Units kept per bucket of one scenario and mode. */
  static Map<String, Long> balanced(String mode, Map<String, Long> buckets, PipelineConfig.Select settings) {
    if (mode.equals(PAIRWISE)) {
      long decisive = buckets.getOrDefault("decisive", 0L);
      Map<String, Long> kept = new TreeMap<>(buckets);
      kept.computeIfPresent("tie", (k, ties) -> Math.min(ties, decisive));
      return kept;
    }
    if (settings.scoreShares().isEmpty()) {
      return ScoreBalancePlanner.kept(buckets, settings.maxScoreShare());
    }
    return ScoreBalancePlanner.shaped(buckets, settings.scoreShares());
  }

  /** The units ranked within their bucket by the order key, id last, kept up to the bucket's cap. */
  private static Dataset<Row> keep(PipelineContext ctx, Dataset<Row> units, Map<List<String>, Long> caps) {
    List<Row> rows = new ArrayList<>();
    caps.forEach((k, n) -> rows.add(RowFactory.create(k.get(0), k.get(1), k.get(2), n)));
    StructType schema = new StructType().add("cap_scenario", DataTypes.StringType).add("cap_mode", DataTypes.StringType)
        .add("cap_bucket", DataTypes.StringType).add("cap", DataTypes.LongType);
    Dataset<Row> capRows = ctx.spark().createDataFrame(rows, schema);
    Dataset<Row> ranked = units.drop("cap")
        .join(capRows, col("scenario").equalTo(col("cap_scenario")).and(col("mode").equalTo(col("cap_mode")))
            .and(col("bucket").equalTo(col("cap_bucket"))), "left")
        .withColumn("rank", row_number().over(Window.partitionBy("scenario", "mode", "bucket")
            .orderBy(col("order_key").asc_nulls_last(), col("random_key"), col("unit_id"))))
        .withColumn("kept", col("rank").leq(coalesce(col("cap"), lit(0L))));
    return ranked.drop("cap_scenario", "cap_mode", "cap_bucket");
  }

  /** The records of the kept units, and the others as rejects of this step. */
  private static StepOutput cut(Dataset<Row> records, Dataset<Row> rankedUnits, String step, String reason, Column detail,
      Column[] scoreCols, long in) {
    Dataset<Row> withUnit = records.withColumn("unit_id", coalesce(col("pair_id"), col("judgment_id")))
        .join(rankedUnits.select(col("unit_id").as("u"), col("kept"), col("bucket"), col("cap")), col("unit_id").equalTo(col("u")))
        .cache();
    Dataset<Row> kept = withUnit.filter(col("kept")).select(scoreCols).cache();
    Dataset<Row> rejects = rejects(withUnit.filter(col("kept").unary_$bang()), step, reason, detail, scoreCols);
    return new StepOutput(kept, rejects, StepCounts.ofFilter(step, in, kept.count(), rejects));
  }

  /**
   * {@code select/_balance.json}: per scenario, the label histograms per mode before and after
   * selection, and the IFD distribution of the scored records (exact percentiles).
   */
  private static void writeBalanceReport(PipelineContext ctx, Dataset<Row> before, Dataset<Row> after) {
    Map<String, Map<String, Object>> report = new TreeMap<>();
    for (String[] side : new String[][] {{"before", ""}, {"after", ""}}) {
      Dataset<Row> data = side[0].equals("before") ? before : after;
      for (Row r : data.groupBy("scenario", "mode", "label").count().collectAsList()) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> byMode = (Map<String, Map<String, Long>>) report
            .computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
            .computeIfAbsent(side[0], k -> new TreeMap<String, Map<String, Long>>());
        byMode.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(r.getString(2), r.getLong(3));
      }
    }
    for (Row r : before.groupBy("scenario").agg(org.apache.spark.sql.functions.expr(
        "percentile(ifd, array(0.0, 0.1, 0.5, 0.9, 1.0))").as("q")).collectAsList()) {
      List<Double> q = r.getList(1);
      Map<String, Double> ifd = new LinkedHashMap<>();
      String[] names = {"min", "p10", "median", "p90", "max"};
      for (int i = 0; i < names.length; i++) {
        ifd.put(names[i], q.get(i));
      }
      report.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put("ifd", ifd);
    }
    ctx.files().replaceText(ctx.layout().stage(STAGE) + "/" + BALANCE_REPORT, Json.write(report));
  }

  private static Dataset<Row> rejects(Dataset<Row> rows, String step, String reason, Column detail, Column[] scoreCols) {
    return io.judgeforge.jobs.spark.RejectRows.of(rows, STAGE, step, ItemStatus.FILTERED, col("judgment_id"), col("scenario"),
        lit(reason), detail, to_json(struct(scoreCols)));
  }
}
