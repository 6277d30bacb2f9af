package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.refresh.RefreshPlan;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.RejectReason;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * A refresh's export takes its parent version's records along: each set's published records, read
 * back from the parent's shards, less those whose source input is gone (a reference document or an
 * imported instruction removed or changed since). Carrying them is the export step
 * {@code parent-<set>}: its in is the parent's records, its out the kept ones, and the others are
 * filtered as input_removed with the record as their input.
 */
final class ParentVersion {
    /**
     * One set after the merge: its records (new and carried), the carrying step (null when there is no
     * parent), the parent's record count and the parent's records dropped.
     */
    record Merged(
            FineTuningSets.Built set,
            Dataset<Row> examples,
            StepOutput step,
            long parentRecords,
            Dataset<Row> dropped) {
        Dataset<Row> added() {
            return set.examples();
        }
    }

    private ParentVersion() {}

    /** {@code set} with the parent version's records, when {@code plan} (null: not a refresh) has a parent. */
    static Merged merge(PipelineContext ctx, RefreshPlan plan, FineTuningSets.Built set) {
        String parent = plan == null ? null : plan.parentVersion();
        String shards = parent == null ? null : ctx.layout().version(parent) + "/" + set.name() + "/*/part-*.jsonl";
        if (parent == null || !ctx.files().globExists(shards)) {
            Dataset<Row> none = set.examples().limit(0);
            return new Merged(set, set.examples(), null, 0, none);
        }
        Dataset<Row> published =
                ctx.spark().read().schema(set.examples().schema()).json(shards);
        Dataset<Row> keyed = published.withColumn("_source", sourceOf(set.name()));
        Dataset<Row> gone = goneSources(ctx, parent);
        Column matches = keyed.col("_source").equalTo(gone.col("source"));
        Dataset<Row> kept = keyed.join(gone, matches, "left_anti").drop("_source");
        Dataset<Row> dropped = keyed.join(gone, matches, "left_semi").drop("_source");
        String step = "parent-" + set.name();
        Column[] all = Arrays.stream(dropped.columns()).map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> rejects = RejectRows.of(
                dropped,
                ExportJob.STAGE,
                step,
                ItemStatus.FILTERED,
                col("id"),
                col("scenario"),
                lit(RejectReason.INPUT_REMOVED.code()),
                lit("its source input was removed or changed since version " + parent),
                to_json(struct(all)));
        long in = published.count();
        StepOutput carried = new StepOutput(kept, rejects, StepCounts.ofFilter(step, in, kept.count(), rejects));
        return new Merged(set, set.examples().unionByName(kept), carried, in, dropped);
    }

    /**
     * What a set's record is made from, in the terms of {@link #goneSources}: the judge and classifier
     * sets' records name their instruction; a questioner record, its passage's document.
     */
    private static Column sourceOf(String set) {
        if (set.equals(FineTuningSets.QUESTIONER)) {
            return concat(
                    lit("doc:"),
                    udf((UDF1<String, String>) RecordIds::documentOf, DataTypes.StringType)
                            .apply(col("reference_id")));
        }
        return concat(lit("ins:"), col(set.equals(FineTuningSets.JUDGE) ? "instruction_id" : "id"));
    }

    /**
     * The sources whose records leave: the gone documents themselves, the instructions written from
     * them (by the parent's lineage), and the gone imported instructions under their instruction ids.
     */
    private static Dataset<Row> goneSources(PipelineContext ctx, String parent) {
        Dataset<Row> gone = ctx.spark().read().parquet(ctx.layout().refresh() + "/gone");
        Dataset<Row> documents = gone.filter(col("kind").equalTo(InputKind.REFERENCE.code()));
        Dataset<Row> lineage = VersionArtifacts.lineageOf(ctx, parent);
        Dataset<Row> written = lineage.join(
                        documents, lineage.col("document_id").equalTo(documents.col("id")), "left_semi")
                .select(concat(lit("ins:"), col("instruction_id")).as("source"));
        Dataset<Row> imported = gone.filter(col("kind").equalTo(InputKind.INSTRUCTION.code()))
                .select(concat(lit("ins:" + RecordIds.IMPORTED_INSTRUCTION_PREFIX), col("id"))
                        .as("source"));
        return documents
                .select(concat(lit("doc:"), col("id")).as("source"))
                .unionByName(written)
                .unionByName(imported)
                .distinct();
    }
}
