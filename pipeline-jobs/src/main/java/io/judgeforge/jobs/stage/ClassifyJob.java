package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.classify.ScenarioClassifier;
import io.judgeforge.stage.generate.Instruction;
import java.util.List;

/** Stage classify: the teacher labels each generated instruction with a catalog scenario. */
public final class ClassifyJob {
    public static final String STAGE = "classify";

    private ClassifyJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig config = ctx.config();
        ScenarioClassifier classifier = new ScenarioClassifier(
                ctx.catalog(),
                ctx.prompts(),
                ctx.teacher(config.classify().temperature(), config.classify().maxTokens()),
                config.classify().onMismatch());
        String endpoint = config.teacher().endpoint();
        TeacherStep<Instruction, Instruction> step = new TeacherStep<>(
                STAGE,
                "teacher-calls",
                Instruction.class,
                Instruction.class,
                (instruction, clients) -> classifier.classify(instruction, clients),
                Instruction::id,
                Instruction::scenario,
                ctx.clients(STAGE),
                ctx.inFlight(endpoint));
        StepOutput out = step.run(
                ctx.spark(),
                ctx.spark().read().parquet(ctx.layout().records(GenerateJob.STAGE)),
                ctx.layout(),
                ctx.partitions());
        return StageOutputs.write(ctx, STAGE, out.records(), List.of(out), start);
    }
}
