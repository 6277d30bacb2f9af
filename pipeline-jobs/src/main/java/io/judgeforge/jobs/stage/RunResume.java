package io.judgeforge.jobs.stage;

import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;

/**
 * {@code run} into a run folder that exists resumes it: the stages whose outputs were committed (a
 * report that reconciles and passes the quarantine guard) are skipped, and the run goes on from the
 * first that was not, its calls answered from the response store where they were paid for. A run
 * made with another config is refused: its stages would mix two configs. A new run records its
 * config's hash in {@code _run.json}.
 *
 * <p>Export counts as committed only once its version is published (its {@code manifest.json}
 * exists): its report is written before the shards. Leftovers of a killed export
 * ({@code datasets/.staging-<version>-*}, or on object stores a version folder without a manifest) are removed;
 * Spark's {@code _temporary} folders go with the outputs the resumed stage overwrites. Only this run's
 * version's leftovers are touched: another run may be exporting into the same output root at the
 * same time (two schedulers fired together), and its staging folder is its own.
 */
public final class RunResume {
    /** The marker of a run folder. */
    record RunMarker(String runId, String configSha256, String started) {}

    private RunResume() {}

    /** The stages still to run, after recording (new run) or checking (resumed run) the marker. */
    public static List<Pipeline.Stage> remaining(PipelineContext ctx, List<Pipeline.Stage> stages) {
        String marker = ctx.layout().run() + "/_run.json";
        if (!ctx.files().exists(marker)) {
            ctx.files()
                    .writeText(
                            marker,
                            Json.write(new RunMarker(
                                    ctx.layout().runId(),
                                    ctx.configSha256(),
                                    Instant.now().toString())));
            return stages;
        }
        RunMarker made = Json.read(ctx.files().readText(marker), RunMarker.class);
        if (!made.configSha256().equals(ctx.configSha256())) {
            throw new ConfigException(
                    "Run " + ctx.layout().runId() + " was made with another config (sha256 "
                            + made.configSha256().substring(0, 12) + ", now "
                            + ctx.configSha256().substring(0, 12)
                            + "): resuming it would mix two configs. Rerun it with the config it was made with, or start a new run.");
        }
        List<Pipeline.Stage> left = new ArrayList<>();
        for (Pipeline.Stage stage : stages) {
            if (left.isEmpty() && committed(ctx, stage.name())) {
                ctx.progress().say("[" + stage.name() + "] committed by an earlier attempt of this run: skipped");
                continue;
            }
            left.add(stage);
        }
        removeExportLeftovers(ctx);
        return left;
    }

    private static boolean committed(PipelineContext ctx, String stage) {
        String report = ctx.layout().report(stage);
        if (!ctx.files().exists(report) || stage.equals(ExportJob.STAGE) && !ExportJob.published(ctx)) {
            return false;
        }
        return StageOutputs.guardFailure(ctx, Json.read(ctx.files().readText(report), StageReport.class)) == null;
    }

    private static void removeExportLeftovers(PipelineContext ctx) {
        if (!ctx.files().exists(ctx.layout().datasets())) {
            return;
        }
        String leftover = ExportJob.stagingPrefix(ExportJob.version(ctx));
        for (FileStatus f : ctx.files().list(ctx.layout().datasets())) {
            String name = f.getPath().getName();
            if (name.startsWith(leftover) && name.substring(leftover.length()).matches("\\d+")) {
                ctx.progress().say("[resume] removing " + f.getPath() + ", left by an export that did not finish");
                ctx.files().delete(f.getPath().toString());
            }
        }
    }

    /** The reports of the skipped stages, for the run's summary. */
    public static List<StageReport> skippedReports(
            PipelineContext ctx, List<Pipeline.Stage> all, List<Pipeline.Stage> left) {
        List<StageReport> reports = new ArrayList<>();
        for (Pipeline.Stage stage : all) {
            if (!left.contains(stage)) {
                reports.add(Json.read(ctx.files().readText(ctx.layout().report(stage.name())), StageReport.class));
            }
        }
        return reports;
    }
}
