package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.jobs.spark.InputFingerprints;
import io.judgeforge.json.Json;
import io.judgeforge.refresh.Changelog;
import io.judgeforge.refresh.InputChanges;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.refresh.RefreshPlan;
import io.judgeforge.refresh.VersionChanges;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.export.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What every published version holds besides its sets, written into its staging folder before the
 * manifest: {@code changes.json} and {@code CHANGELOG.md} (what it added and removed against its
 * parent), and under {@code _refresh/} what the next refresh compares with (the input inventory,
 * each instruction's source document, the input files' hashes).
 */
final class VersionArtifacts {
    private VersionArtifacts() {}

    static void write(
            PipelineContext ctx, String staging, RefreshPlan plan, List<ParentVersion.Merged> sets, Manifest manifest) {
        String parent = plan == null ? null : plan.parentVersion();
        String keep = staging + "/_refresh";
        Dataset<Row> inputs = plan == null
                ? RefreshInputs.inventory(ctx)
                : ctx.spark().read().parquet(ctx.layout().refresh() + "/inputs");
        inputs.write().mode(SaveMode.ErrorIfExists).parquet(keep + "/inputs");
        lineage(ctx, parent).write().mode(SaveMode.ErrorIfExists).json(keep + "/lineage");
        ctx.files()
                .writeText(
                        keep + "/files.json",
                        plan == null
                                ? Json.write(inputFiles(ctx))
                                : ctx.files().readText(ctx.layout().refresh() + "/files.json"));

        VersionChanges changes = changes(ctx, plan, sets, manifest);
        ctx.files().writeText(staging + "/changes.json", Json.write(changes));
        String parentLog = parent == null ? null : ctx.layout().version(parent) + "/CHANGELOG.md";
        ctx.files()
                .writeText(
                        staging + "/CHANGELOG.md",
                        Changelog.markdown(
                                changes,
                                parentLog != null && ctx.files().exists(parentLog)
                                        ? ctx.files().readText(parentLog)
                                        : null));
    }

    /** A lineage row: an instruction written from a passage, and the passage's document. */
    static final StructType LINEAGE =
            new StructType().add("instruction_id", DataTypes.StringType).add("document_id", DataTypes.StringType);

    /**
     * The lineage a version kept, as JSON lines: one small row per instruction written from a passage,
     * readable without Spark by whoever audits why a record left.
     */
    static Dataset<Row> lineageOf(PipelineContext ctx, String version) {
        return ctx.spark().read().schema(LINEAGE).json(ctx.layout().versionRefresh(version) + "/lineage");
    }

    /** The input files of a run the refresh command did not start: what its config names. */
    static Map<String, String> inputFiles(PipelineContext ctx) {
        return InputFingerprints.ofRunInputs(
                ctx.files(), ctx.configDir(), ctx.config().inputs());
    }

    /** Each instruction written from a passage, with its document: the parent's, less the gone documents', and this run's. */
    private static Dataset<Row> lineage(PipelineContext ctx, String parent) {
        Dataset<Row> now = ctx.spark()
                .read()
                .parquet(ctx.layout().records(GenerateJob.STAGE))
                .filter(col("reference_id").isNotNull())
                .select(
                        col("id").as("instruction_id"),
                        udf((UDF1<String, String>) RecordIds::documentOf, DataTypes.StringType)
                                .apply(col("reference_id"))
                                .as("document_id"));
        if (parent == null) {
            return now;
        }
        Dataset<Row> before = lineageOf(ctx, parent);
        Dataset<Row> gone = ctx.spark()
                .read()
                .parquet(ctx.layout().refresh() + "/gone")
                .filter(col("kind").equalTo(InputKind.REFERENCE.code()));
        return before.join(gone, before.col("document_id").equalTo(gone.col("id")), "left_anti")
                .unionByName(now);
    }

    private static VersionChanges changes(
            PipelineContext ctx, RefreshPlan plan, List<ParentVersion.Merged> sets, Manifest manifest) {
        List<VersionChanges.Group> groups = new ArrayList<>();
        Map<String, VersionChanges.SetChanges> bySet = new TreeMap<>();
        for (ParentVersion.Merged m : sets) {
            String name = m.set().name();
            groups.addAll(groups(name, true, m.added()));
            groups.addAll(groups(name, false, m.dropped()));
            bySet.put(
                    name,
                    VersionChanges.set(groups, name, manifest.sets().get(name).records(), m.parentRecords()));
        }
        // A full run compares with nothing: its inputs' changes are unknown, not zero.
        Map<String, InputChanges> inputs = plan != null ? plan.inputs() : Map.of();
        Manifest.Totals t = manifest.totals();
        return new VersionChanges(
                manifest.version(),
                manifest.parentVersion(),
                manifest.runId(),
                manifest.createdAt(),
                inputs,
                bySet,
                t.calls(),
                t.stored(),
                t.promptTokens(),
                t.completionTokens(),
                t.costUsd());
    }

    // Only the groups reach the driver: one per split and scenario.
    private static List<VersionChanges.Group> groups(String set, boolean added, Dataset<Row> records) {
        return records.groupBy("split", "scenario").count().collectAsList().stream()
                .map(r -> new VersionChanges.Group(set, added, r.getString(0), r.getString(1), r.getLong(2)))
                .toList();
    }
}
