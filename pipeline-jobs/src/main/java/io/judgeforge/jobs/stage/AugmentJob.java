package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.core.type.TypeReference;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.augment.JudgmentAugmenter;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import io.judgeforge.stage.augment.RatingScale;
import io.judgeforge.stage.judge.Judgment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage augment: custom-prompt augmentation (paper section 8.2) of the selected pointwise
 * judgments, with no teacher call. One step per operation (paraphrase, downsample, rescale): a
 * seeded share of the records is its input, and each makes a derived record or is filtered with
 * the reason it could not. The downsample regression (overall score from the mean, min and max of
 * the point scores; Spark MLlib's linear regression) is fitted on the selected records, and its MAE
 * on a held-out share is written to {@code augment/_regression.json}.
 */
public final class AugmentJob {
  public static final String STAGE = "augment";

  private AugmentJob() {}

  public static StageReport run(PipelineContext ctx) {
    long start = System.nanoTime();
    PipelineConfig.Augment settings = ctx.config().augment();
    long seed = ctx.config().run().seed();
    Dataset<Row> selected = ctx.spark().read().parquet(ctx.layout().records(SelectJob.STAGE)).select(col("judgment_id"));
    Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
    Dataset<Row> pointwise = judgments.join(selected, judgments.col("id").equalTo(selected.col("judgment_id")), "left_semi")
        .filter(col("mode").notEqual("pairwise")).cache();

    Regression regression = fit(ctx, pointwise, settings.heldoutFraction(), seed);
    Map<String, List<Paraphrase>> paraphrases = settings.paraphrase() > 0 ? paraphrases(ctx, settings.paraphrases()) : Map.of();
    JudgmentAugmenter augmenter = new JudgmentAugmenter(seed, ctx.config().judge().minScore(), ctx.config().judge().maxScore());
    List<String> scales = settings.scales();

    List<StepOutput> steps = new ArrayList<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("paraphrase", settings.paraphrase());
    shares.put("downsample", settings.downsample());
    shares.put("rescale", settings.rescale());
    for (Map.Entry<String, Double> op : shares.entrySet()) {
      String name = op.getKey();
      Dataset<Row> chosen = pointwise.filter(unit(seed, name).lt(op.getValue()));
      steps.add(apply(ctx, chosen, name, (Judgment j) -> switch (name) {
        case "paraphrase" -> augmenter.paraphrased(j, paraphrases);
        case "downsample" -> augmenter.downsampled(j, regression);
        default -> augmenter.rescaled(j, RatingScale.of(scales.get(Math.floorMod(j.id().hashCode(), scales.size()))));
      }));
    }
    Dataset<Row> records = steps.get(0).records();
    for (StepOutput s : steps.subList(1, steps.size())) {
      records = records.unionByName(s.records());
    }
    return StageOutputs.write(ctx, STAGE, records, steps, start);
  }

  /** A seeded number in [0, 1) per record and operation, from its id: which records an operation takes. */
  private static Column unit(long seed, String operation) {
    return conv(substring(sha2(concat(lit(seed + ":" + operation + ":"), col("id")), 256), 1, 12), 16, 10)
        .cast("double").divide(Math.pow(16, 12));
  }

  private interface Operation extends java.io.Serializable {
    JudgmentAugmenter.Result on(Judgment j);
  }

  private static StepOutput apply(PipelineContext ctx, Dataset<Row> chosen, String step, Operation operation) {
    RecordCodec<Judgment> codec = RecordCodec.of(Judgment.class);
    StructType schema = codec.schema().add("skip_reason", DataTypes.StringType).add("skip_detail", DataTypes.StringType);
    MapFunction<Row, Row> each = row -> {
      Judgment source = codec.fromRow(row);
      JudgmentAugmenter.Result result = operation.on(source);
      List<Object> values = new ArrayList<>();
      Row out = codec.toRow(result instanceof JudgmentAugmenter.Made m ? m.judgment() : source);
      for (int i = 0; i < out.length(); i++) {
        values.add(out.get(i));
      }
      values.add(result instanceof JudgmentAugmenter.Skipped s ? s.reason() : null);
      values.add(result instanceof JudgmentAugmenter.Skipped s ? s.detail() : null);
      return RowFactory.create(values.toArray());
    };
    Dataset<Row> done = chosen.map(each, Encoders.row(schema)).cache();
    String[] fields = codec.schema().fieldNames();
    Column[] judgmentCols = java.util.Arrays.stream(fields).map(f -> col(f)).toArray(Column[]::new);
    Dataset<Row> made = done.filter(col("skip_reason").isNull()).select(judgmentCols);
    Dataset<Row> rejects = RejectRows.of(done.filter(col("skip_reason").isNotNull()), STAGE, step, ItemStatus.FILTERED,
        col("id"), col("scenario"), col("skip_reason"), col("skip_detail"),
        to_json(struct(col("id"), col("scenario"), col("mode"), col("score"))));
    long in = done.count();
    return new StepOutput(made, rejects, StepCounts.ofFilter(step, in, made.count(), rejects));
  }

  /**
   * Overall score from the mean, min and max of the point scores, fitted on the records outside a
   * seeded held-out share and measured (MAE) on that share. Too few records to fit: the mean of the
   * points, with no MAE.
   */
  private static Regression fit(PipelineContext ctx, Dataset<Row> pointwise, double heldout, long seed) {
    Dataset<Row> data = pointwise.filter(size(col("point_scores")).gt(0))
        .withColumn("f_mean", expr("aggregate(point_scores, 0, (a, x) -> a + x) / size(point_scores)"))
        .withColumn("f_min", array_min(col("point_scores")).cast("double"))
        .withColumn("f_max", array_max(col("point_scores")).cast("double"))
        .withColumn("label", col("score").cast("double"))
        .withColumn("held", unit(seed, "heldout").lt(heldout));
    Dataset<Row> features = new VectorAssembler().setInputCols(new String[] {"f_mean", "f_min", "f_max"})
        .setOutputCol("features").transform(data).cache();
    Dataset<Row> train = features.filter(col("held").unary_$bang());
    Dataset<Row> test = features.filter(col("held"));
    long trainCount = train.count();
    long testCount = test.count();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("features", List.of("mean", "min", "max"));
    report.put("train_records", trainCount);
    report.put("heldout_records", testCount);
    Regression regression;
    if (trainCount < 10) {
      regression = new Regression(0, 1, 0, 0);
      report.put("model", "mean of the point scores (too few records to fit: " + trainCount + ")");
    } else {
      LinearRegressionModel model = new LinearRegression().setFeaturesCol("features").setLabelCol("label").fit(train);
      double[] c = model.coefficients().toArray();
      regression = new Regression(model.intercept(), c[0], c[1], c[2]);
      report.put("model", "linear regression (Spark MLlib)");
      report.put("intercept", model.intercept());
      report.put("coefficients", List.of(c[0], c[1], c[2]));
      if (testCount > 0) {
        double mae = new RegressionEvaluator().setMetricName("mae").setLabelCol("label").setPredictionCol("prediction")
            .evaluate(model.transform(test));
        report.put("heldout_mae", mae);
        ctx.progress().say(String.format("[augment] regression of the overall score on the point scores: held-out MAE %.3f"
            + " over %d records", mae, testCount));
      }
    }
    ctx.files().replaceText(ctx.layout().stage(STAGE) + "/_regression.json", Json.write(report));
    return regression;
  }

  private static Map<String, List<Paraphrase>> paraphrases(PipelineContext ctx, String file) {
    String path = HadoopFiles.resolve(ctx.configDir(), file);
    String yaml = ctx.files().readText(path);
    try {
      Map<String, List<Paraphrase>> raw = new com.fasterxml.jackson.databind.ObjectMapper(
          new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(yaml, new TypeReference<>() {});
      Map<String, List<Paraphrase>> byName = new LinkedHashMap<>();
      raw.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      return byName;
    } catch (java.io.IOException e) {
      throw new io.judgeforge.config.ConfigException("augment.paraphrases: cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
