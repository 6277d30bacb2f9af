package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.jobs.spark.InputTable;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.json.Json;
import io.judgeforge.refresh.DeltaQuotas;
import io.judgeforge.refresh.InputChanges;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.refresh.RefreshPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The first step of a refresh, on the run the refresh starts: the inventory of today's inputs, compared
 * with the published version's by id and content hash. It writes under {@code runs/<id>/refresh/} the
 * inventory ({@code inputs/}), the inputs whose records leave the dataset ({@code gone/}: removed, or
 * changed), the new work ({@code references/} and {@code instructions/}: the rows that are new or
 * changed) and the plan. Only the per-kind counts reach the driver.
 */
public final class RefreshDelta {
    private RefreshDelta() {}

    /** The parent a refresh builds on: a published version and the run that made it. */
    public record Parent(String version, String runId) {}

    /** The plan of the run, when the run is a refresh. */
    public static java.util.Optional<RefreshPlan> planOf(PipelineContext ctx) {
        String path = ctx.layout().refresh() + "/plan.json";
        return ctx.files().exists(path)
                ? java.util.Optional.of(Json.read(ctx.files().readText(path), RefreshPlan.class))
                : java.util.Optional.empty();
    }

    /** Finds what changed since {@code parent} (null: nothing is published yet) and writes the plan and the delta. */
    public static RefreshPlan plan(PipelineContext ctx, Parent parent, Map<String, String> inputFiles) {
        RunLayout layout = ctx.layout();
        // Read once: the inventory and the new work both come from these rows.
        Dataset<Row> references = RefreshInputs.references(ctx).cache();
        Dataset<Row> imports = RefreshInputs.imports(ctx);
        if (imports != null) {
            imports = imports.cache();
        }
        Dataset<Row> current = RefreshInputs.inventory(ctx, references, imports);
        current.write().mode(SaveMode.Overwrite).parquet(layout.refresh() + "/inputs");
        current = ctx.spark().read().parquet(layout.refresh() + "/inputs");
        Dataset<Row> before = parent == null
                ? ctx.spark().createDataFrame(List.of(), RefreshInputs.SCHEMA)
                : ctx.spark().read().parquet(layout.versionRefresh(parent.version()) + "/inputs");

        Dataset<Row> gone = before.join(
                        current,
                        before.col("kind")
                                .equalTo(current.col("kind"))
                                .and(before.col("id").equalTo(current.col("id")))
                                .and(before.col("sha256").equalTo(current.col("sha256"))),
                        "left_anti")
                .select("kind", "id");
        gone.write().mode(SaveMode.Overwrite).parquet(layout.refresh() + "/gone");
        Map<String, InputChanges> changes = changes(current, before);

        fresh(references, before, InputKind.REFERENCE)
                .select(withReadVerdicts(references, "id", "title", "topic", "text"))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(layout.refresh() + "/references");
        if (imports != null) {
            fresh(imports, before, InputKind.INSTRUCTION)
                    .select(withReadVerdicts(imports, "id", "text", "scenario", "reference"))
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(layout.refresh() + "/instructions");
        }
        InputChanges refs = changes.getOrDefault(InputKind.REFERENCE.code(), InputChanges.NONE);
        RefreshPlan plan = new RefreshPlan(
                parent == null ? null : parent.version(),
                parent == null ? null : parent.runId(),
                changes,
                DeltaQuotas.of(ctx.catalog(), ctx.config().generate(), refs.fresh(), refs.fresh() + refs.unchanged()));
        ctx.files().replaceText(layout.refresh() + "/files.json", Json.write(inputFiles));
        ctx.files().replaceText(layout.refresh() + "/plan.json", Json.write(plan));
        return plan;
    }

    /**
     * {@code columns} and the read's verdicts on a row (a line that did not parse, a field of the wrong type) where the
     * reader gave them: the delta run reads the delta's Parquet, where every field is already a string, and must
     * still quarantine such a row as the first read found it.
     */
    private static org.apache.spark.sql.Column[] withReadVerdicts(Dataset<Row> rows, String... columns) {
        List<String> present = List.of(rows.columns());
        List<org.apache.spark.sql.Column> out = new java.util.ArrayList<>();
        for (String c : columns) {
            out.add(col(c));
        }
        for (String verdict : List.of(InputTable.CORRUPT, InputTable.WRONG_TYPE)) {
            if (present.contains(verdict)) {
                out.add(col(verdict));
            }
        }
        return out.toArray(org.apache.spark.sql.Column[]::new);
    }

    /** The rows of {@code rows} (with a sha256 column) that the version {@code before} does not hold as they are. */
    private static Dataset<Row> fresh(Dataset<Row> rows, Dataset<Row> before, InputKind kind) {
        Dataset<Row> known = before.filter(col("kind").equalTo(kind.code())).select("id", "sha256");
        return rows.join(
                known,
                rows.col("id").equalTo(known.col("id")).and(rows.col("sha256").equalTo(known.col("sha256"))),
                "left_anti");
    }

    /** Per kind: added, changed, removed and unchanged ids, from one outer join of the two inventories. */
    private static Map<String, InputChanges> changes(Dataset<Row> current, Dataset<Row> before) {
        Dataset<Row> now = current.select(col("kind"), col("id"), col("sha256").as("now"));
        Dataset<Row> was = before.select(
                col("kind").as("kind_was"),
                col("id").as("id_was"),
                col("sha256").as("was"));
        Dataset<Row> joined = now.join(
                        was,
                        now.col("kind")
                                .equalTo(was.col("kind_was"))
                                .and(now.col("id").equalTo(was.col("id_was"))),
                        "full_outer")
                .withColumn("k", when(col("kind").isNull(), col("kind_was")).otherwise(col("kind")));
        List<Row> rows = joined.groupBy("k")
                .agg(
                        count(when(col("was").isNull(), lit(1))).as("added"),
                        count(when(
                                        col("now")
                                                .isNotNull()
                                                .and(col("was").isNotNull())
                                                .and(col("now").notEqual(col("was"))),
                                        lit(1)))
                                .as("changed"),
                        count(when(col("now").isNull(), lit(1))).as("removed"),
                        count(when(col("now").equalTo(col("was")), lit(1))).as("unchanged"))
                .collectAsList();
        Map<String, InputChanges> changes = new HashMap<>();
        for (Row r : rows) {
            changes.put(r.getString(0), new InputChanges(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
        }
        return changes;
    }

    /**
     * The config overrides that make the run do the new work only: the delta as its inputs, quotas in
     * proportion to the new passages, no carried run, and a version named after the run.
     */
    public static List<String> overrides(RunLayout layout, RefreshPlan plan, boolean imports) {
        List<String> set = new ArrayList<>();
        set.add("generate.previous-run=");
        set.add("export.version=");
        if (plan.parentVersion() == null) {
            return set;
        }
        set.add("inputs.references=" + layout.refresh() + "/references");
        set.add("inputs.references-format=parquet");
        set.add("inputs.instructions=" + (imports ? layout.refresh() + "/instructions" : ""));
        set.add("inputs.instructions-format=parquet");
        set.add("generate.quotas={"
                + plan.quotas().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "))
                + "}");
        return set;
    }
}
