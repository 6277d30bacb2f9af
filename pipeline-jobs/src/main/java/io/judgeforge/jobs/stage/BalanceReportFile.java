package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.stage.select.BalanceReport;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The {@link BalanceReport} of stage select, {@value #NAME} in its folder: the labels per scenario and mode
 * before and after selection and the IFD quantiles per scenario. Only these histograms reach the driver.
 */
final class BalanceReportFile {
    static final String NAME = "_balance.json";

    private BalanceReportFile() {}

    /** Writes the report from the scores select read and the records it wrote. */
    static void write(PipelineContext ctx, Dataset<Row> scores) {
        Column quantiles = functions.array(
                BalanceReport.IFD_QUANTILES.stream().map(functions::lit).toArray(Column[]::new));
        var ifd = scores.groupBy("scenario").agg(functions.percentile(col("ifd"), quantiles)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.<Double>getList(1)));
        ctx.files()
                .replaceText(
                        ctx.layout().stage(SelectJob.STAGE) + "/" + NAME,
                        BalanceReport.json(
                                labelCounts(scores),
                                labelCounts(
                                        ctx.spark().read().parquet(ctx.layout().records(SelectJob.STAGE))),
                                ifd));
    }

    private static List<BalanceReport.LabelCount> labelCounts(Dataset<Row> records) {
        return records.groupBy("scenario", "mode", "label").agg(count(lit(1)).as("records")).collectAsList().stream()
                .map(RecordCodec.of(BalanceReport.LabelCount.class)::fromRow)
                .toList();
    }
}
