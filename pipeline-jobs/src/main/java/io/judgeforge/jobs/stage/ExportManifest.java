package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.lit;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.export.SetCountsTally;
import io.judgeforge.stage.export.ShardInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The export's manifest: its sets' counts from their grouped records, and the run's stage reports with their totals. */
final class ExportManifest {
    /** The stages before export, in pipeline order: the manifest carries their reports. */
    static final List<String> UPSTREAM = List.of(
            GenerateJob.STAGE,
            ClassifyJob.STAGE,
            RespondJob.STAGE,
            JudgeJob.STAGE,
            ScoreJob.STAGE,
            SelectJob.STAGE,
            AugmentJob.STAGE);

    private ExportManifest() {}

    static Manifest of(
            PipelineContext ctx,
            String version,
            Map<String, Manifest.SetCounts> counts,
            List<ShardInfo> shards,
            StageReport export,
            io.judgeforge.refresh.RefreshPlan plan) {
        List<StageReport> stages = new ArrayList<>();
        for (String stage : UPSTREAM) {
            stages.add(Json.read(ctx.files().readText(ctx.layout().report(stage)), StageReport.class));
        }
        stages.add(export);
        return new Manifest(
                version,
                ctx.layout().runId(),
                ctx.config().run().name(),
                Instant.now().toString(),
                ctx.configSha256(),
                counts,
                shards,
                stages,
                Manifest.Totals.over(stages),
                Manifest.BudgetUse.of(ctx.config().budget(), stages),
                plan == null ? null : plan.parentVersion());
    }

    // Only the groups reach the driver: a few per split and scenario (and mode, score, verdict in the judge set).
    static Manifest.SetCounts setCounts(String task, Dataset<Row> records) {
        boolean judged = Arrays.asList(records.columns()).contains("mode");
        Dataset<Row> groups = judged
                ? records.groupBy("split", "scenario", "mode", "score", "verdict")
                        .count()
                : records.groupBy("split", "scenario")
                        .count()
                        .withColumn("mode", lit(null).cast("string"))
                        .withColumn("score", lit(null).cast("int"))
                        .withColumn("verdict", lit(null).cast("string"));
        RecordCodec<SetCountsTally.Group> codec = RecordCodec.of(SetCountsTally.Group.class);
        return SetCountsTally.of(
                task, groups.collectAsList().stream().map(codec::fromRow).toList());
    }
}
