package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.judgeforge.stage.generate.InstructionChecks;
import io.judgeforge.stage.generate.InstructionKey;
import io.judgeforge.stage.generate.InstructionOrigin;
import io.judgeforge.stage.generate.InstructionValidator;
import io.judgeforge.stage.generate.ReferenceCopyCheck;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The first part of step validate ({@link GeneratedInstructionsCheck}): {@link InstructionChecks} on the
 * instructions, each with the passage it was written from, in groups that hold every exact duplicate of
 * each other, so the checks see all of them at once and rank them by origin.
 */
final class InstructionGroupChecks {
    private InstructionGroupChecks() {}

    /** The instructions with the reason and detail of InstructionChecks' rejection (null where kept). */
    static Dataset<Row> checked(PipelineContext ctx, Dataset<Row> instructions) {
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
                InstructionKey key = new InstructionKey(
                        InstructionOrigin.valueOf(r.getAs(GeneratedInstructionsCheck.ORIGIN)), r.getAs("id"));
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
}
