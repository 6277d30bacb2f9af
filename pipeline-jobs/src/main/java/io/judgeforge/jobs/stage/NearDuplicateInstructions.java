package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.jobs.spark.NearDuplicates;
import io.judgeforge.stage.generate.NearDuplicateRule;
import io.judgeforge.stage.generate.QuestionPart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The near-duplicate part of step validate ({@link GeneratedInstructionsCheck}), with
 * {@code generate.near-duplicate-jaccard} above 0: {@link NearDuplicates} among the instructions the
 * exact checks kept, compared by question and ranked by origin.
 */
final class NearDuplicateInstructions {
    private final Dataset<Row> unique;
    private final Column same;
    private final Dataset<Row> near;

    NearDuplicateInstructions(PipelineContext ctx, Dataset<Row> unique) {
        this.unique = unique;
        this.near = nearDuplicates(ctx, unique).cache();
        this.same = unique.col(GeneratedInstructionsCheck.ORIGIN)
                .equalTo(near.col("near_origin"))
                .and(unique.col("id").equalTo(near.col("near_id")));
    }

    /** The instructions that are no near duplicate of one kept. */
    Dataset<Row> kept() {
        return unique.join(near, same, "left_anti");
    }

    /** The reject rows of the near duplicates. */
    Dataset<Row> rejects() {
        return GeneratedInstructionsCheck.rejects(
                unique.join(near, same), lit(NearDuplicateRule.REASON.code()), col("near_detail"));
    }

    /** The near duplicates among {@code unique}, compared by question: columns near_origin, near_id and near_detail. */
    private static Dataset<Row> nearDuplicates(PipelineContext ctx, Dataset<Row> unique) {
        var generate = ctx.config().generate();
        Dataset<Row> questions = unique.select(
                col(GeneratedInstructionsCheck.ORIGIN),
                col("id"),
                udf((UDF1<String, String>) QuestionPart::of, DataTypes.StringType)
                        .apply(col("text"))
                        .as("text"));
        return NearDuplicates.find(
                        questions,
                        generate.nearDuplicateJaccard(),
                        generate.shingleWords(),
                        ctx.config().run().seed())
                .select(
                        col(GeneratedInstructionsCheck.ORIGIN).as("near_origin"),
                        col("id").as("near_id"),
                        col("detail").as("near_detail"));
    }
}
