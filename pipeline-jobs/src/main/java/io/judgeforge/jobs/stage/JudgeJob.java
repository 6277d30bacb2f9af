package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.JudgeSampling;
import io.judgeforge.stage.judge.JudgeTask;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.PairPlanner;
import io.judgeforge.stage.judge.PairTask;
import io.judgeforge.stage.judge.PairwiseJudge;
import io.judgeforge.stage.judge.ReferenceGrading;
import io.judgeforge.stage.judge.ResponseJudge;
import io.judgeforge.stage.judge.VerdictParser;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.TeacherClients;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Stage judge, in the paper's three modes. Step pointwise-calls grades each response on its own:
 * against a reference answer in {@code judge.reference-scenarios} (the instruction's own reference,
 * else the reference model's answer), single-answer elsewhere. Step pairwise-calls compares
 * {@code judge.pairwise.pairs-per-instruction} pairs of responses per instruction in both orders.
 */
public final class JudgeJob {
    public static final String STAGE = "judge";

    private JudgeJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig config = ctx.config();
        PipelineConfig.Judge settings = config.judge();
        JudgePromptRenderer renderer = new JudgePromptRenderer(ctx.catalog(), ctx.prompts());
        JudgeSampling sampling = new JudgeSampling(
                ctx.teacher(settings.temperature(), settings.maxTokens()),
                settings.samples(),
                settings.sampleTemperature(),
                settings.maxSpread());
        String endpoint = config.teacher().endpoint();
        TeacherClients clients = ctx.clients(STAGE);
        Dataset<Row> responses = ctx.spark()
                .read()
                .parquet(ctx.layout().records(RespondJob.STAGE))
                .cache();
        List<StepOutput> steps = new ArrayList<>();

        Dataset<Row> pointwise = pointwiseTasks(ctx, responses);
        if (pointwise != null) {
            ResponseJudge judge = new ResponseJudge(
                    renderer,
                    new JudgmentParser(settings.minScore(), settings.maxScore(), settings.ratingFormat()),
                    sampling,
                    settings.single());
            steps.add(new TeacherStep<>(
                            STAGE,
                            "pointwise-calls",
                            JudgeTask.class,
                            Judgment.class,
                            (JudgeTask task, TeacherClients c) -> judge.judge(task, c),
                            JudgeTask::id,
                            JudgeTask::scenario,
                            clients,
                            ctx.inFlight(endpoint))
                    .run(ctx.spark(), pointwise, ctx.layout(), ctx.partitions()));
        }
        if (settings.pairwise().pairsPerInstruction() > 0) {
            // Verdicts are read in the pairwise template's own format, or as MT-Bench's last [[A]]/[[B]]/[[C]].
            // (PipelineConfig.Judge allows no other format with pairwise grading on.)
            String verdictFormat = settings.ratingFormat().equals("last") ? "last" : "themis";
            PairwiseJudge judge = new PairwiseJudge(
                    renderer,
                    new VerdictParser(verdictFormat),
                    sampling,
                    settings.pairwise().order(),
                    settings.pairwise().inconsistent());
            steps.add(new TeacherStep<>(
                            STAGE,
                            "pairwise-calls",
                            PairTask.class,
                            Judgment.class,
                            (PairTask task, TeacherClients c) -> judge.judge(task, c),
                            PairTask::id,
                            PairTask::scenario,
                            clients,
                            ctx.inFlight(endpoint))
                    .run(ctx.spark(), pairTasks(ctx, responses), ctx.layout(), ctx.partitions()));
        }
        Dataset<Row> records = steps.stream()
                .map(StepOutput::records)
                .reduce(Dataset::unionByName)
                .orElseThrow();
        return StageOutputs.write(ctx, STAGE, records, steps, start);
    }

    /**
     * One task per response that is graded on its own, with the reference ReferenceGrading gives it;
     * null when no response is graded on its own.
     */
    private static Dataset<Row> pointwiseTasks(PipelineContext ctx, Dataset<Row> responses) {
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
        return responses
                .join(own, col("instruction_id").equalTo(col("ref_instruction_id")), "left")
                .join(byModel, col("instruction_id").equalTo(col("model_instruction_id")), "left")
                .map(toTask, Encoders.row(taskCodec.schema()));
    }

    /** The pairs of each instruction's responses, chosen by PairPlanner. */
    private static Dataset<Row> pairTasks(PipelineContext ctx, Dataset<Row> responses) {
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
        return responses
                .groupByKey(
                        (MapFunction<Row, String>) r -> r.getString(r.fieldIndex("instruction_id")), Encoders.STRING())
                .flatMapGroups(toPairs, Encoders.row(taskCodec.schema()));
    }
}
