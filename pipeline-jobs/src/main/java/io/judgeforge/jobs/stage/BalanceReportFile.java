package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.json.Json;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.IfdHistogram;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The {@link BalanceReport} of stage select, {@value #NAME} in its folder: the labels per scenario and mode
 * before and after selection and the IFD quantiles per scenario; and beside it the {@link IfdHistogram},
 * {@value #IFD_HISTOGRAM}, counted in the same grouping as the labels. Only these histograms reach the driver.
 */
final class BalanceReportFile {
    static final String NAME = "_balance.json";
    static final String IFD_HISTOGRAM = "_ifd_histogram.json";
    private static final RecordCodec<BalanceReport.BinnedCount> BINNED =
            RecordCodec.of(BalanceReport.BinnedCount.class);

    private BalanceReportFile() {}

    /** Writes the reports from the scores select read and the records it wrote. */
    static void write(PipelineContext ctx, Dataset<Row> scores) {
        Column quantiles = functions.array(
                BalanceReport.IFD_QUANTILES.stream().map(functions::lit).toArray(Column[]::new));
        Map<String, List<Double>> ifd =
                scores.groupBy("scenario").agg(functions.percentile(col("ifd"), quantiles)).collectAsList().stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.<Double>getList(1)));
        // The scenarios' lowest and highest IFD (quantiles 0 and 1) bound the bins: no pass of their own.
        List<Double> edges = IfdHistogram.edges(
                ifd.values().stream().mapToDouble(q -> q.get(0)).min().orElse(Double.NaN),
                ifd.values().stream()
                        .mapToDouble(q -> q.get(q.size() - 1))
                        .max()
                        .orElse(Double.NaN));
        List<BalanceReport.BinnedCount> before = binnedCounts(scores, edges);
        List<BalanceReport.BinnedCount> after =
                binnedCounts(ctx.spark().read().parquet(ctx.layout().records(SelectJob.STAGE)), edges);
        String folder = ctx.layout().stage(SelectJob.STAGE);
        ctx.files()
                .replaceText(
                        folder + "/" + NAME,
                        BalanceReport.json(BalanceReport.labelCounts(before), BalanceReport.labelCounts(after), ifd));
        if (edges.isEmpty()) {
            ctx.files().delete(folder + "/" + IFD_HISTOGRAM); // an earlier select of this run may have left one
        } else {
            ctx.files().replaceText(folder + "/" + IFD_HISTOGRAM, Json.write(IfdHistogram.of(edges, before, after)));
        }
    }

    /** Records per scenario, mode, label and IFD bin (bin 0 for all when there are no bins). */
    private static List<BalanceReport.BinnedCount> binnedCounts(Dataset<Row> records, List<Double> edges) {
        Dataset<Row> binned = edges.isEmpty()
                ? records.withColumn("ifd_bin", lit(0.0))
                : new Bucketizer()
                        .setInputCol("ifd")
                        .setOutputCol("ifd_bin")
                        .setSplits(
                                edges.stream().mapToDouble(Double::doubleValue).toArray())
                        .transform(records);
        return binned
                .groupBy(
                        col("scenario"),
                        col("mode"),
                        col("label"),
                        col("ifd_bin").cast("int").as("ifd_bin"))
                .agg(count(lit(1)).as("records"))
                .collectAsList()
                .stream()
                .map(BINNED::fromRow)
                .toList();
    }
}
