package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.select.IfdOutlierFilter;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/** Step ifd-filter of stage select: the score records {@link IfdOutlierFilter} keeps, the others its rejects. */
final class IfdFilterStep {
    private IfdFilterStep() {}

    /** The IFD mean and deviation per scenario and mode, then per pair whether either order is an outlier. */
    static StepOutput run(Dataset<Row> scores, IfdOutlierFilter filter) {
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
        return SelectJob.split(
                judged, col("detail").isNull(), "ifd-filter", RejectReason.IFD_OUTLIER.code(), judged.count());
    }
}
