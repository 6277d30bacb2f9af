package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.stage.judge.JudgeTask;
import io.judgeforge.stage.judge.PairPlanner;
import io.judgeforge.stage.judge.PairTask;
import io.judgeforge.stage.judge.ReferenceGrading;
import io.judgeforge.stage.respond.Response;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The tasks of stage judge, built from the respond records: a pointwise task per response graded on its
 * own, with the reference {@link ReferenceGrading} gives it, and the pairs {@link PairPlanner} chooses.
 */
final class JudgeTasks {
    private JudgeTasks() {}

    /**
     * One task per response that is graded on its own, with the reference ReferenceGrading gives it;
     * null when no response is graded on its own.
     */
    static Dataset<Row> pointwise(PipelineContext ctx, Dataset<Row> responses) {
        PipelineConfig.Judge settings = ctx.config().judge();
        ReferenceGrading grading = new ReferenceGrading(
                settings.referenceScenarios(),
                settings.referenceModel(),
                ctx.config().respond().pool().stream()
                        .map(PipelineConfig.AnswerModel::name)
                        .toList());
        // With judge.single off, a response without a reference is still a task: it is filtered as mode_off, counted.
        if (!grading.gradesPointwise(settings.single())) {
            return null;
        }
        Dataset<Row> own = ctx.spark()
                .read()
                .parquet(ctx.layout().records(ClassifyJob.STAGE))
                .select(col("id").as("ref_instruction_id"), col("reference_answer"));
        Dataset<Row> byModel = responses
                .filter(col("model").equalTo(grading.referenceModel()))
                .select(
                        col("instruction_id").as("model_instruction_id"),
                        col("text").as("model_reference"));
        RecordCodec<Response> responseCodec = RecordCodec.of(Response.class);
        RecordCodec<JudgeTask> taskCodec = RecordCodec.of(JudgeTask.class);
        MapFunction<Row, Row> toTask = row -> taskCodec.toRow(
                grading.task(responseCodec.fromRow(row), row.getAs("reference_answer"), row.getAs("model_reference")));
        return atMost(
                responses
                        .join(own, col("instruction_id").equalTo(col("ref_instruction_id")), "left")
                        .join(byModel, col("instruction_id").equalTo(col("model_instruction_id")), "left")
                        .map(toTask, Encoders.row(taskCodec.schema())),
                col("response.id"),
                settings.maxPointwise(),
                ctx.config().run().seed());
    }

    /** The pairs of each instruction's responses, chosen by PairPlanner. */
    static Dataset<Row> pairs(PipelineContext ctx, Dataset<Row> responses) {
        RecordCodec<Response> responseCodec = RecordCodec.of(Response.class);
        RecordCodec<PairTask> taskCodec = RecordCodec.of(PairTask.class);
        int perInstruction = ctx.config().judge().pairwise().pairsPerInstruction();
        long seed = ctx.config().run().seed();
        FlatMapGroupsFunction<String, Row, Row> toPairs = (instructionId, rows) -> {
            List<Response> answers = new ArrayList<>();
            rows.forEachRemaining(r -> answers.add(responseCodec.fromRow(r)));
            return PairPlanner.pairs(answers, perInstruction, seed).stream()
                    .map(taskCodec::toRow)
                    .iterator();
        };
        return atMost(
                responses
                        .groupByKey(
                                (MapFunction<Row, String>) r -> r.getString(r.fieldIndex("instruction_id")),
                                Encoders.STRING())
                        .flatMapGroups(toPairs, Encoders.row(taskCodec.schema())),
                col("id"),
                ctx.config().judge().pairwise().maxPairs(),
                seed);
    }

    /**
     * At most {@code max} of the tasks (all when 0): those whose id hashes lowest under the seed, so a
     * rerun draws the same ones and a larger cap keeps every task of a smaller one. A sample of the
     * work, not a filter: the tasks left out never become judge items (the paper judged 10,000 of its
     * 109,870 responses on their own).
     */
    private static Dataset<Row> atMost(Dataset<Row> tasks, Column id, int max, long seed) {
        if (max == 0) {
            return tasks;
        }
        return tasks.withColumn("_draw", xxhash64(id, lit(seed)))
                .orderBy(col("_draw"), id)
                .limit(max)
                .drop("_draw");
    }
}
