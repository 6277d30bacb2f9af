package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.export.QuestionerExample;
import io.judgeforge.stage.export.QuestionerExamples;
import io.judgeforge.stage.generate.Instruction;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The questioner set: one record per reference-based generation call, from its questions that keep
 * their scenario (QuestionerExamples#keeps) and the passage it was written from. Questions that do
 * not are filtered as label_disagreement; a kept question whose passage is gone is quarantined.
 */
final class QuestionerSet {
    private static final String STEP = FineTuningSets.stepName(FineTuningSets.QUESTIONER);

    private QuestionerSet() {}

    static FineTuningSets.Built build(PipelineContext ctx) {
        ClassifierLabels policy = ctx.config().export().classifierLabels();
        Dataset<Row> referenceBased =
                FineTuningSets.classified(ctx).filter(col("method").equalTo("reference"));
        if (!ctx.files().exists(ctx.layout().passages())) {
            throw new ConfigException(
                    "No passages at " + ctx.layout().passages() + ": this run was generated"
                            + " by an older version, which did not keep them; run the generate stage again to export the questioner set");
        }
        Dataset<Row> passages = ctx.spark()
                .read()
                .parquet(ctx.layout().passages())
                .select(col("id").as("passage_id"), col("text").as("passage"));
        UserDefinedFunction keeps = udf(
                (UDF2<String, String, Boolean>)
                        (intended, predicted) -> QuestionerExamples.keeps(intended, predicted, policy),
                DataTypes.BooleanType);
        Dataset<Row> checked = referenceBased
                .withColumn("keep", keeps.apply(col("intended_scenario"), col("predicted_scenario")))
                .join(passages, col("reference_id").equalTo(col("passage_id")), "left")
                .cache();
        Column agrees = col("keep");
        Dataset<Row> disagree = FineTuningSets.disagreements(checked.filter(not(agrees)), STEP);
        Dataset<Row> noPassage = FineTuningSets.rejects(
                checked.filter(agrees.and(col("passage").isNull())),
                STEP,
                ItemStatus.QUARANTINED,
                col("id"),
                col("scenario"),
                lit(RejectReason.MISSING_REFERENCE.code()),
                concat(
                        lit("no passage "),
                        col("reference_id"),
                        lit(" under "),
                        lit(ctx.layout().passages())),
                FineTuningSets.instructionJson());
        Dataset<Row> kept = checked.filter(agrees.and(col("passage").isNotNull()));

        RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
        RecordCodec<QuestionerExample> exampleCodec = RecordCodec.of(QuestionerExample.class);
        QuestionerExamples builder =
                new QuestionerExamples(ctx.catalog(), ctx.prompts(), policy, FineTuningSets.splits(ctx));
        MapGroupsFunction<String, Row, Row> toExample = (taskId, rows) -> {
            List<Instruction> questions = new ArrayList<>();
            String passage = null;
            while (rows.hasNext()) {
                Row row = rows.next();
                questions.add(codec.fromRow(row));
                passage = row.getString(row.fieldIndex("passage"));
            }
            return exampleCodec.toRow(builder.example(taskId, passage, questions));
        };
        Dataset<Row> examples = kept.groupByKey(
                        (MapFunction<Row, String>) r -> r.getString(r.fieldIndex("task_id")), Encoders.STRING())
                .mapGroups(toExample, Encoders.row(exampleCodec.schema()));
        Dataset<Row> rejected = disagree.unionByName(noPassage);
        return new FineTuningSets.Built(
                FineTuningSets.QUESTIONER,
                "questioner: a scenario and a reference passage in," + " a numbered list of questions out",
                examples,
                new StepOutput(
                        examples,
                        rejected,
                        StepCounts.ofFilter(STEP, checked.count(), kept.count(), examples.count(), rejected)));
    }
}
