package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.ResponseJudge;
import io.judgeforge.stage.respond.Response;
import java.util.List;

/** Stage judge: the teacher grades every response with its scenario's prompt; outputs are parsed. */
public final class JudgeJob {
  public static final String STAGE = "judge";

  private JudgeJob() {}

  public static StageReport run(PipelineContext ctx) {
    long start = System.nanoTime();
    PipelineConfig config = ctx.config();
    ResponseJudge judge = new ResponseJudge(
        new JudgePromptRenderer(ctx.catalog(), ctx.prompts().get(PromptLibrary.JUDGE_SINGLE)),
        new JudgmentParser(config.judge().minScore(), config.judge().maxScore()),
        ctx.teacher(config.judge().temperature(), config.judge().maxTokens()));
    String endpoint = config.teacher().endpoint();
    TeacherStep<Response, Judgment> step = new TeacherStep<>(STAGE, "judge-calls", Response.class, Judgment.class,
        (response, clients) -> judge.judge(response, clients.get(endpoint)), Response::id, Response::scenario,
        ctx.clients(STAGE), ctx.inFlight(endpoint));
    StepOutput out = step.run(ctx.spark(), ctx.spark().read().parquet(ctx.layout().records(RespondJob.STAGE)),
        ctx.layout(), ctx.partitions());
    return StageOutputs.write(ctx, STAGE, out.records(), List.of(out), start);
  }
}
