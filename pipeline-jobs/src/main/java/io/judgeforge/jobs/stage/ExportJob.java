package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.json.Json;
import io.judgeforge.refresh.RefreshPlan;
import io.judgeforge.report.ReportPage;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.export.ShardInfo;
import io.judgeforge.stage.export.SplitAssigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stage export: turns the run's data into the paper's three chat-format fine-tuning sets (judge,
 * scenario classifier, questioner; see FineTuningSets) and publishes them as a dataset version: JSONL
 * shards under {@code OUT/datasets/<version>/<set>/{train,validation}/part-NNNNN.jsonl}, a
 * {@code report.html} ({@link ExportReport}) and a {@code manifest.json}.
 * Where renames are atomic (local files, HDFS) the version is assembled in a staging folder and
 * renamed into place; on object stores (S3A and the like) the shards are written straight into the
 * version's folder and {@code manifest.json}, one PUT, is written last: a version folder without a
 * manifest is incomplete (docs/storage.md). Either way {@code LATEST} is replaced only after that, so
 * a crash never leaves a half-written version behind LATEST.
 */
public final class ExportJob {
    public static final String STAGE = "export";

    private ExportJob() {}

    /** The published version's folder. */
    public static String run(PipelineContext ctx) {
        long start = System.nanoTime();
        String version = version(ctx);
        String target = ctx.layout().version(version);
        boolean renames = ctx.files().renamesAtomically(target);
        if (ctx.files().exists(target) && !renames && !published(ctx)) {
            ctx.progress()
                    .say("[export] removing " + target + ", left without a manifest by an export that did not finish");
            ctx.files().delete(target);
        }
        if (ctx.files().exists(target)) {
            throw new ConfigException("Dataset version " + version + " already exists at " + target
                    + "; set export.version to a new name");
        }

        RefreshPlan plan = RefreshDelta.planOf(ctx).orElse(null);
        List<ParentVersion.Merged> sets = FineTuningSets.all(ctx).stream()
                .map(set -> ParentVersion.merge(ctx, plan, set))
                .toList();
        List<StepOutput> steps =
                new ArrayList<>(sets.stream().map(m -> m.set().step()).toList());
        sets.stream().map(ParentVersion.Merged::step).filter(Objects::nonNull).forEach(steps::add);
        StageReport report = StageOutputs.write(ctx, STAGE, sets.get(0).examples(), steps, start);
        for (ParentVersion.Merged set : sets.subList(1, sets.size())) {
            set.examples()
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(ctx.layout().records(STAGE, set.set().name()));
        }

        Dataset<Row> written =
                ctx.spark().read().parquet(ctx.layout().records(STAGE)).cache();
        if (written.isEmpty()) {
            throw new IllegalStateException(
                    "Nothing to publish: the judge set has 0 records after selection (stage reports" + " under "
                            + ctx.layout().run() + " say where they went); LATEST is unchanged");
        }
        String staging =
                renames ? ctx.layout().datasets() + "/" + stagingPrefix(version) + System.currentTimeMillis() : target;
        List<ShardInfo> shards = new ArrayList<>();
        Map<String, Manifest.SetCounts> counts = new LinkedHashMap<>();
        for (ParentVersion.Merged merged : sets) {
            String name = merged.set().name();
            Dataset<Row> records = merged == sets.get(0)
                    ? written
                    : ctx.spark().read().parquet(ctx.layout().records(STAGE, name));
            for (String split : List.of(SplitAssigner.TRAIN, SplitAssigner.VALIDATION)) {
                shards.addAll(
                        ExportShards.write(ctx, records.filter(col("split").equalTo(split)), staging, name, split));
            }
            counts.put(name, ExportManifest.setCounts(merged.set().task(), records));
        }

        Manifest manifest = ExportManifest.of(ctx, version, counts, shards, report, plan);
        VersionArtifacts.write(ctx, staging, plan, sets, manifest);
        ExportReport.write(ctx, manifest, staging);
        // The commit: the manifest is written last (on object stores its PUT is what publishes the
        // version), then the staging folder is renamed into place where renames are atomic.
        ctx.files().writeText(staging + "/manifest.json", Json.write(manifest));
        if (renames) {
            ctx.files().rename(staging, target);
        }
        ctx.files().replaceText(ctx.layout().latest(), version + "\n");
        written.unpersist();
        ctx.progress()
                .say("[export] published " + target + " (" + shards.size() + " shards, " + ReportPage.FILE
                        + "); LATEST -> " + version);
        return target;
    }

    static String version(PipelineContext ctx) {
        return ctx.config().export().version().isEmpty()
                ? ctx.layout().runId()
                : ctx.config().export().version();
    }

    /** The name of a staging folder of {@code version} up to its time stamp (a run's own; others leave it alone). */
    static String stagingPrefix(String version) {
        return ".staging-" + version + "-";
    }

    /** True when this run's version is published: its folder holds {@code manifest.json}, written last. */
    static boolean published(PipelineContext ctx) {
        return ctx.files().exists(ctx.layout().version(version(ctx)) + "/manifest.json");
    }
}
