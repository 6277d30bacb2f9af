package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.stage.export.ClassifierExample;
import io.judgeforge.stage.export.ClassifierExamples;
import io.judgeforge.stage.generate.Instruction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The scenario-classifier set: every classified instruction whose label {@code export.classifier-labels}
 * accepts (ClassifierExamples#label); the rest are filtered as label_disagreement.
 */
final class ClassifierSet {
    private static final String STEP = FineTuningSets.stepName(FineTuningSets.CLASSIFIER);

    private ClassifierSet() {}

    static FineTuningSets.Built build(PipelineContext ctx) {
        ClassifierLabels policy = ctx.config().export().classifierLabels();
        UserDefinedFunction label = udf(
                (UDF2<String, String, String>) (intended, predicted) ->
                        ClassifierExamples.label(intended, predicted, policy).orElse(null),
                DataTypes.StringType);
        Dataset<Row> labelled = FineTuningSets.classified(ctx)
                .withColumn("label", label.apply(col("intended_scenario"), col("predicted_scenario")))
                .cache();
        Dataset<Row> disagree =
                FineTuningSets.disagreements(labelled.filter(col("label").isNull()), STEP);

        RecordCodec<Instruction> instruction = RecordCodec.of(Instruction.class);
        ClassifierExamples builder =
                new ClassifierExamples(ctx.catalog(), ctx.prompts(), policy, FineTuningSets.splits(ctx));
        Dataset<Row> kept = labelled.filter(col("label").isNotNull());
        Dataset<Row> examples = FineTuningSets.examples(
                kept,
                ClassifierExample.class,
                row -> builder.example(instruction.fromRow(row), row.getString(row.fieldIndex("label"))));
        return FineTuningSets.Built.perItem(
                FineTuningSets.CLASSIFIER,
                "classifier: an instruction and the scenario list in," + " one scenario id out",
                labelled,
                kept,
                examples,
                disagree);
    }
}
