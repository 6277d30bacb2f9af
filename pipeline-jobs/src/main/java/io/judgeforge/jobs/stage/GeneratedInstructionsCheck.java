package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.InstructionOrigin;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Step validate of stage generate: {@link InstructionGroupChecks} (InstructionChecks on the instructions,
 * each with the passage it was written from, in groups that hold every exact duplicate of each other);
 * then, with {@code generate.near-duplicate-jaccard} above 0, {@link NearDuplicateInstructions} among
 * those kept. Instructions carry their {@link InstructionOrigin} in column {@code origin}, which both
 * duplicate checks rank by.
 */
final class GeneratedInstructionsCheck {
    static final String ORIGIN = "origin";
    private static final String STEP = "validate";
    private static final String[] FIELDS =
            RecordCodec.of(Instruction.class).schema().fieldNames();

    private GeneratedInstructionsCheck() {}

    static StepOutput run(PipelineContext ctx, Dataset<Row> instructions) {
        Dataset<Row> checked = InstructionGroupChecks.checked(ctx, instructions).cache();
        Dataset<Row> unique =
                checked.filter(col(RejectionColumns.REASON).isNull()).cache();
        Dataset<Row> rejects = rejects(
                checked.filter(col(RejectionColumns.REASON).isNotNull()),
                col(RejectionColumns.REASON),
                col(RejectionColumns.DETAIL));
        Dataset<Row> kept = unique;
        if (ctx.config().generate().nearDuplicateJaccard() > 0) {
            NearDuplicateInstructions near = new NearDuplicateInstructions(ctx, unique);
            kept = near.kept();
            rejects = rejects.unionByName(near.rejects());
        }
        kept = kept.select(instructionColumns());
        return new StepOutput(kept, rejects, StepCounts.ofFilter(STEP, checked.count(), kept.count(), rejects));
    }

    /** The reject rows of the instructions {@code rows}, filtered with {@code reason} and {@code detail}. */
    static Dataset<Row> rejects(Dataset<Row> rows, Column reason, Column detail) {
        return RejectRows.of(
                rows,
                GenerateJob.STAGE,
                STEP,
                ItemStatus.FILTERED,
                col("id"),
                col("scenario"),
                reason,
                detail,
                to_json(struct(instructionColumns())));
    }

    private static Column[] instructionColumns() {
        return Arrays.stream(FIELDS).map(f -> col(f)).toArray(Column[]::new);
    }

    /** The instructions of {@code origin}, ready to be checked with those of other origins. */
    static Dataset<Row> withOrigin(Dataset<Row> instructions, InstructionOrigin origin) {
        return instructions.withColumn(ORIGIN, lit(origin.name()));
    }

    /** No instructions, for a run that has none to check. */
    static Dataset<Row> none(PipelineContext ctx) {
        return withOrigin(
                ctx.spark()
                        .createDataFrame(
                                List.<Row>of(),
                                RecordCodec.of(Instruction.class).schema()),
                InstructionOrigin.NEW);
    }
}
