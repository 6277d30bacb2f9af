package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.score.DifficultyScorer;
import io.judgeforge.stage.score.IfdCalculator;
import io.judgeforge.stage.score.IfdScore;
import java.util.List;

/** Stage score: the instruction-following difficulty (IFD) of every judge record, from log-likelihoods. */
public final class ScoreJob {
    public static final String STAGE = "score";

    private ScoreJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig.Score settings = ctx.config().score();
        DifficultyScorer scorer = new DifficultyScorer(
                new IfdCalculator(settings.responseMarker(), settings.maxLength()),
                new io.judgeforge.teacher.CompletionClient.ScorerCall(settings.endpoint(), settings.model()));
        String endpoint = settings.endpoint();
        TeacherStep<Judgment, IfdScore> step = new TeacherStep<>(
                STAGE,
                "logprob-calls",
                Judgment.class,
                IfdScore.class,
                (judgment, clients) -> scorer.score(judgment, clients),
                Judgment::id,
                Judgment::scenario,
                ctx.clients(STAGE),
                ctx.inFlight(endpoint));
        StepOutput out = step.run(
                ctx.spark(),
                ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE)),
                ctx.layout(),
                ctx.partitions());
        return StageOutputs.write(ctx, STAGE, out.records(), List.of(out), start);
    }
}
