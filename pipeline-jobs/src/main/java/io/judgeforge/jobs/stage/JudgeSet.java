package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.export.JudgeExample;
import io.judgeforge.stage.export.JudgeExamples;
import io.judgeforge.stage.judge.Judgment;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The judge set: one JudgeExample per selected judgment and per augmented record made from one. A
 * selected id without a judge record is quarantined as missing_judgment.
 */
final class JudgeSet {
    private static final String STEP = FineTuningSets.stepName(FineTuningSets.JUDGE);

    private JudgeSet() {}

    static FineTuningSets.Built build(PipelineContext ctx) {
        Dataset<Row> selected = ctx.spark()
                .read()
                .parquet(ctx.layout().records(SelectJob.STAGE))
                .select(col("judgment_id"), col("ifd"));
        Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
        Dataset<Row> joined = withAugmented(
                        ctx,
                        selected,
                        selected.join(judgments, selected.col("judgment_id").equalTo(judgments.col("id")), "left"))
                .cache();
        Dataset<Row> missing = FineTuningSets.rejects(
                joined.filter(col("id").isNull()),
                STEP,
                ItemStatus.QUARANTINED,
                col("judgment_id"),
                lit(null).cast("string"),
                lit(RejectReason.MISSING_JUDGMENT.code()),
                lit("selected record has no judge record"),
                to_json(struct(col("judgment_id"), col("ifd"))));

        RecordCodec<Judgment> judgment = RecordCodec.of(Judgment.class);
        JudgeExamples builder = new JudgeExamples(FineTuningSets.splits(ctx));
        Dataset<Row> found = joined.filter(col("id").isNotNull());
        Dataset<Row> examples = FineTuningSets.examples(
                found,
                JudgeExample.class,
                row -> builder.example(judgment.fromRow(row), row.getDouble(row.fieldIndex("ifd"))));
        return FineTuningSets.Built.perItem(
                FineTuningSets.JUDGE,
                "judge: a scenario-dependent evaluation prompt in"
                        + " (single-answer, reference-guided or pairwise), the teacher's rationale and score or verdict out",
                joined,
                found,
                examples,
                missing);
    }

    /**
     * The selected judgments ({@code joined}) with the augment stage's records added, when it ran:
     * derived records of a record still selected; each carries its source's IFD, which it takes.
     */
    private static Dataset<Row> withAugmented(PipelineContext ctx, Dataset<Row> selected, Dataset<Row> joined) {
        if (!ctx.files().exists(ctx.layout().records(AugmentJob.STAGE))) {
            return joined;
        }
        Dataset<Row> augmented = ctx.spark().read().parquet(ctx.layout().records(AugmentJob.STAGE));
        Dataset<Row> derived = augmented
                .join(selected, augmented.col("source_id").equalTo(selected.col("judgment_id")), "left_semi")
                .withColumn("judgment_id", col("id"))
                .withColumn("ifd", col("source_ifd"));
        return joined.unionByName(derived.select(
                joined.columns()[0], java.util.Arrays.copyOfRange(joined.columns(), 1, joined.columns().length)));
    }
}
