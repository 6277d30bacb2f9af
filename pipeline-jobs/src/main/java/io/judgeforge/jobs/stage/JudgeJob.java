package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.JudgeSampling;
import io.judgeforge.stage.judge.JudgeTask;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.PairTask;
import io.judgeforge.stage.judge.PairwiseJudge;
import io.judgeforge.stage.judge.ResponseJudge;
import io.judgeforge.stage.judge.VerdictParser;
import io.judgeforge.teacher.TeacherClients;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
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

        Dataset<Row> pointwise = JudgeTasks.pointwise(ctx, responses);
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
                    .run(ctx.spark(), JudgeTasks.pairs(ctx, responses), ctx.layout(), ctx.partitions()));
        }
        Dataset<Row> records = steps.stream()
                .map(StepOutput::records)
                .reduce(Dataset::unionByName)
                .orElseThrow();
        return StageOutputs.write(ctx, STAGE, records, steps, start);
    }
}
