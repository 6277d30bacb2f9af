package io.judgeforge.jobs.stage;

import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The pipeline's stages in order, and running any contiguous part of it. */
public final class Pipeline {
    /** One stage: its name and its job. Export publishes a dataset and reports its folder. */
    public record Stage(String name, String description, Function<PipelineContext, Object> job) {}

    public static final List<Stage> STAGES = List.of(
            new Stage(
                    GenerateJob.STAGE,
                    "write instructions by reference-based questioning and role-playing quizzing",
                    GenerateJob::run),
            new Stage(ClassifyJob.STAGE, "label each instruction with a catalog scenario", ClassifyJob::run),
            new Stage(RespondJob.STAGE, "answer each instruction with every model of the answer pool", RespondJob::run),
            new Stage(JudgeJob.STAGE, "grade each answer with its scenario's judge prompt", JudgeJob::run),
            new Stage(
                    ScoreJob.STAGE, "score each judge record's instruction-following difficulty (IFD)", ScoreJob::run),
            new Stage(SelectJob.STAGE, "filter by IFD, balance scores and verdicts, compose scenarios", SelectJob::run),
            new Stage(
                    AugmentJob.STAGE,
                    "derive custom-prompt records (paraphrased, down-sampled, rescaled) without calls",
                    AugmentJob::run),
            new Stage(
                    ExportJob.STAGE,
                    "write the fine-tuning set in shards with a manifest, then publish it",
                    ExportJob::run));

    private Pipeline() {}

    public static Stage stage(String name) {
        return STAGES.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown stage " + name));
    }

    /** The result of a run: every stage's report, and the published dataset folder if export ran. */
    public record Result(List<StageReport> reports, String dataset) {}

    public static Result run(
            PipelineContext ctx, List<Stage> stages, java.util.function.Consumer<String> onStageStart) {
        List<StageReport> reports = new ArrayList<>();
        String dataset = null;
        for (Stage stage : stages) {
            onStageStart.accept(stage.name());
            ctx.progress().say("[" + stage.name() + "] " + stage.description());
            Object result = stage.job().apply(ctx);
            if (result instanceof String published) {
                dataset = published;
            }
            reports.add(Json.read(ctx.files().readText(ctx.layout().report(stage.name())), StageReport.class));
        }
        return new Result(reports, dataset);
    }
}
