package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.judgeforge.jobs.spark.IoTimes;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes a stage's records, its filtered and quarantined items, and its report. */
final class StageOutputs {
    private StageOutputs() {}

    static StageReport write(
            PipelineContext ctx, String stage, Dataset<Row> records, List<StepOutput> steps, long startNanos) {
        String recordsPath = ctx.layout().records(stage);
        long writing = System.nanoTime();
        records.write().mode(SaveMode.Overwrite).parquet(recordsPath);
        Dataset<Row> rejects = null;
        for (StepOutput step : steps) {
            rejects = rejects == null ? step.rejects() : rejects.unionByName(step.rejects());
        }
        rejects.filter(col("status").equalTo(ItemStatus.FILTERED.code()))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(ctx.layout().filtered(stage));
        rejects.filter(col("status").equalTo(ItemStatus.QUARANTINED.code()))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(ctx.layout().quarantine(stage));
        Dataset<Row> written = ctx.spark().read().parquet(recordsPath);
        long count = written.count();
        Map<String, Long> byScenario = StepCounts.byScenario(written);
        IoTimes.since(IoTimes.Kind.STAGE_WRITES, writing);
        List<StepReport> reports = steps.stream().map(StepOutput::report).toList();
        StageReport report =
                new StageReport(stage, reports, count, byScenario, (System.nanoTime() - startNanos) / 1_000_000);
        ctx.files().replaceText(ctx.layout().report(stage), Json.write(report));
        for (StepReport s : reports) {
            if (!s.balanced()) {
                throw new IllegalStateException("Stage " + stage + " step " + s.step() + " does not reconcile: " + s);
            }
        }
        ctx.progress()
                .say(String.format(
                        "[%s] done in %.1f s: %d records; %s",
                        stage, report.wallMs() / 1000.0, report.records(), describe(reports)));
        String failure = guardFailure(ctx, report);
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return report;
    }

    /**
     * Why a written stage report must not count as done: a step that does not reconcile, or one that
     * quarantined more than run.max-quarantined-share of its items; null when it is done.
     */
    static String guardFailure(PipelineContext ctx, StageReport report) {
        double maxShare = ctx.config().run().maxQuarantinedShare();
        for (StepReport s : report.steps()) {
            if (!s.balanced()) {
                return "Stage " + report.stage() + " step " + s.step() + " does not reconcile: " + s;
            }
            if (s.in() > 0 && s.quarantined() > maxShare * s.in()) {
                return String.format(
                        "Stage %s step %s quarantined %d of %d items, over run.max-quarantined-share %.2f; reasons %s. "
                                + "Everything done is kept under %s (quarantine/ has each item's reason and input).",
                        report.stage(),
                        s.step(),
                        s.quarantined(),
                        s.in(),
                        maxShare,
                        s.reasons(),
                        ctx.layout().stage(report.stage()));
            }
        }
        return null;
    }

    static String describe(List<StepReport> steps) {
        StringBuilder sb = new StringBuilder();
        for (StepReport s : steps) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(s.step())
                    .append(": in ")
                    .append(s.in())
                    .append(" = out ")
                    .append(s.out())
                    .append(" + filtered ")
                    .append(s.filtered())
                    .append(" + quarantined ")
                    .append(s.quarantined());
            if (!s.reasons().isEmpty()) {
                sb.append(' ').append(s.reasons());
            }
        }
        return sb.toString();
    }
}
