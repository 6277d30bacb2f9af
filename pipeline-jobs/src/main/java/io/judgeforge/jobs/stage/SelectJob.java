package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.score.IfdScore;
import io.judgeforge.stage.select.CapStep;
import io.judgeforge.stage.select.IfdOutlierFilter;
import io.judgeforge.stage.select.SelectionUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Stage select: {@link IfdOutlierFilter} ({@link IfdFilterStep}), then each {@link CapStep} over units
 * ({@link SelectionUnit}, {@link SelectCapStep}), a bucket keeping its units by the highest IFD or a seeded
 * random order ({@code select.order}), ties by id; then the {@link BalanceReportFile}. Only group statistics
 * and histograms reach the driver, so any partitioning selects the same records.
 */
public final class SelectJob {
    public static final String STAGE = "select";
    private static final RecordCodec<IfdScore> SCORES = RecordCodec.of(IfdScore.class);

    private SelectJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        Dataset<Row> scores =
                ctx.spark().read().parquet(ctx.layout().records(ScoreJob.STAGE)).cache();
        List<StepOutput> steps = new ArrayList<>(List.of(
                IfdFilterStep.run(scores, IfdOutlierFilter.of(ctx.config().select()))));
        for (CapStep step : CapStep.of(ctx.config().select())) {
            steps.add(SelectCapStep.run(ctx, steps.get(steps.size() - 1), step));
        }
        StageReport report =
                StageOutputs.write(ctx, STAGE, steps.get(steps.size() - 1).records(), steps, start);
        BalanceReportFile.write(ctx, scores);
        return report;
    }

    /** A step's output: the {@code kept} rows as score records, the others (with a {@code detail}) as its rejects. */
    static StepOutput split(Dataset<Row> rows, Column kept, String step, String reason, long in) {
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
}
