package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.jobs.spark.NearDuplicates;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.InstructionChecks;
import io.judgeforge.stage.generate.InstructionKey;
import io.judgeforge.stage.generate.InstructionOrigin;
import io.judgeforge.stage.generate.InstructionValidator;
import io.judgeforge.stage.generate.NearDuplicateRule;
import io.judgeforge.stage.generate.QuestionPart;
import io.judgeforge.stage.generate.ReferenceCopyCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Step validate of stage generate: {@link InstructionChecks} on the instructions (each with the passage
 * it was written from), in groups that hold every exact duplicate of each other; then, with
 * {@code generate.near-duplicate-jaccard} above 0, {@link NearDuplicates} among those kept.
 * Instructions carry their {@link InstructionOrigin} in column {@code origin}, which both duplicate
 * checks rank by.
 */
final class GeneratedInstructionsCheck {
    static final String ORIGIN = "origin";
    private static final String STEP = "validate";
    private static final String[] FIELDS =
            RecordCodec.of(Instruction.class).schema().fieldNames();

    private GeneratedInstructionsCheck() {}

    static StepOutput run(PipelineContext ctx, Dataset<Row> instructions) {
        Column[] instructionColumns = Arrays.stream(FIELDS).map(f -> col(f)).toArray(Column[]::new);
        Dataset<Row> checked = checked(ctx, instructions).cache();
        Dataset<Row> unique =
                checked.filter(col(RejectionColumns.REASON).isNull()).cache();
        Dataset<Row> rejects = RejectRows.of(
                checked.filter(col(RejectionColumns.REASON).isNotNull()),
                GenerateJob.STAGE,
                STEP,
                ItemStatus.FILTERED,
                col("id"),
                col("scenario"),
                col(RejectionColumns.REASON),
                col(RejectionColumns.DETAIL),
                to_json(struct(instructionColumns)));
        Dataset<Row> kept = unique;
        if (ctx.config().generate().nearDuplicateJaccard() > 0) {
            Dataset<Row> near = nearDuplicates(ctx, unique).cache();
            Column same = unique.col(ORIGIN)
                    .equalTo(near.col("near_origin"))
                    .and(unique.col("id").equalTo(near.col("near_id")));
            kept = unique.join(near, same, "left_anti");
            rejects = rejects.unionByName(RejectRows.of(
                    unique.join(near, same),
                    GenerateJob.STAGE,
                    STEP,
                    ItemStatus.FILTERED,
                    col("id"),
                    col("scenario"),
                    lit(NearDuplicateRule.REASON.code()),
                    col("near_detail"),
                    to_json(struct(instructionColumns))));
        }
        kept = kept.select(instructionColumns);
        return new StepOutput(kept, rejects, StepCounts.ofFilter(STEP, checked.count(), kept.count(), rejects));
    }

    /** The instructions with the reason and detail of InstructionChecks' rejection (null where kept). */
    private static Dataset<Row> checked(PipelineContext ctx, Dataset<Row> instructions) {
        var generate = ctx.config().generate();
        InstructionChecks checks = new InstructionChecks(
                new InstructionValidator(generate.minWords(), generate.maxWords()),
                new ReferenceCopyCheck(generate.maxReferenceOverlap(), generate.referenceOverlapExempt()));
        String[] fields = instructions.columns();
        FlatMapGroupsFunction<String, Row, Row> check = (duplicateKey, group) -> {
            List<Row> rows = new ArrayList<>();
            List<InstructionChecks.Candidate> candidates = new ArrayList<>();
            group.forEachRemaining(r -> {
                rows.add(r);
                InstructionKey key = new InstructionKey(InstructionOrigin.valueOf(r.getAs(ORIGIN)), r.getAs("id"));
                candidates.add(new InstructionChecks.Candidate(
                        key,
                        r.getAs("text"),
                        r.getAs("intended_scenario"),
                        r.getAs("reference_id"),
                        r.getAs("passage_text")));
            });
            return RejectionColumns.append(rows, fields, checks.check(candidates));
        };
        Dataset<Row> passages = ctx.spark()
                .read()
                .parquet(ctx.layout().passages())
                .select(col("id").as("passage_id"), col("text").as("passage_text"));
        return instructions
                .join(passages, col("reference_id").equalTo(col("passage_id")), "left")
                .groupByKey(
                        (MapFunction<Row, String>) r -> InstructionChecks.duplicateKey(r.getAs("text")),
                        Encoders.STRING())
                .flatMapGroups(check, Encoders.row(RejectionColumns.appendedTo(instructions.schema())));
    }

    /** The near duplicates among {@code unique}, compared by question: columns near_origin, near_id and near_detail. */
    private static Dataset<Row> nearDuplicates(PipelineContext ctx, Dataset<Row> unique) {
        var generate = ctx.config().generate();
        Dataset<Row> questions = unique.select(
                col(ORIGIN),
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
                        col(ORIGIN).as("near_origin"),
                        col("id").as("near_id"),
                        col("detail").as("near_detail"));
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
