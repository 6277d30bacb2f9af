package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.json.Json;
import io.judgeforge.stage.augment.Augmentations;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import io.judgeforge.stage.augment.RegressionReport;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The augment stage's down-sampling regression: the overall score from the mean, min and max of a
 * judgment's point scores, fitted with Spark MLlib's linear regression on the selected pointwise
 * records. Too few records to fit: the mean of the points (see {@link RegressionReport}).
 */
final class AugmentRegression {
    private AugmentRegression() {}

    /**
     * The regression, fitted on the records outside the seeded held-out share and measured on that
     * share; written to {@code augment/_regression.json}.
     */
    static Regression fit(PipelineContext ctx, Dataset<Row> pointwise, PipelineConfig.Augment settings, long seed) {
        Column heldOut = udf(
                        (UDF1<String, Boolean>) id -> Augmentations.heldOut(settings, seed, id), DataTypes.BooleanType)
                .apply(col("id"));
        Dataset<Row> data = pointwise
                .filter(size(col("point_scores")).gt(0))
                .withColumn("f_mean", expr("aggregate(point_scores, 0, (a, x) -> a + x) / size(point_scores)"))
                .withColumn("f_min", array_min(col("point_scores")).cast("double"))
                .withColumn("f_max", array_max(col("point_scores")).cast("double"))
                .withColumn("label", col("score").cast("double"))
                .withColumn("held", heldOut);
        Dataset<Row> features = new VectorAssembler()
                .setInputCols(new String[] {"f_mean", "f_min", "f_max"})
                .setOutputCol("features")
                .transform(data)
                .cache();
        Dataset<Row> train = features.filter(not(col("held")));
        Dataset<Row> test = features.filter(col("held"));
        long trainCount = train.count();
        long testCount = test.count();
        RegressionReport report = RegressionReport.meanOfPoints(trainCount, testCount);
        if (RegressionReport.canFit(trainCount)) {
            LinearRegressionModel model = new LinearRegression()
                    .setFeaturesCol("features")
                    .setLabelCol("label")
                    .fit(train);
            Double mae = testCount == 0
                    ? null
                    : new RegressionEvaluator()
                            .setMetricName("mae")
                            .setLabelCol("label")
                            .setPredictionCol("prediction")
                            .evaluate(model.transform(test));
            report = RegressionReport.fitted(
                    trainCount,
                    testCount,
                    model.intercept(),
                    model.coefficients().toArray(),
                    mae);
            if (mae != null) {
                ctx.progress()
                        .say(String.format(
                                "[augment] regression of the overall score on the point scores: held-out MAE"
                                        + " %.3f over %d records",
                                mae, testCount));
            }
        }
        ctx.files().replaceText(ctx.layout().stage(AugmentJob.STAGE) + "/_regression.json", Json.write(report));
        return report.regression();
    }
}
