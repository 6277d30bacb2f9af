package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.generate.GenerationPlanTable;
import io.judgeforge.stage.generate.GenerationPlanner;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.InstructionOrigin;
import io.judgeforge.stage.generate.InstructionWriter;
import io.judgeforge.teacher.TeacherClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stage generate: plans the generation calls (both methods), runs them, and validates and
 * de-duplicates what comes back. Steps: references (read and check the passages, {@link ReferencesStep}),
 * teacher-calls (one item per planned call), validate (one item per returned instruction,
 * {@link GeneratedInstructionsCheck}).
 */
public final class GenerateJob {
    public static final String STAGE = "generate";

    private GenerateJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig config = ctx.config();
        StepOutput references = ReferencesStep.read(ctx);
        long referenceCount = references.report().produced();
        // Kept with the run: the questioner set pairs each question with the passage it was written from.
        // With the earlier run's passages, which its carried instructions name.
        PreviousRun.withPassages(ctx, references.records())
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(ctx.layout().passages());
        Dataset<Row> indexedReferences =
                ReferencesStep.indexed(ctx, references.records()).cache();

        GenerationPlanner planner = new GenerationPlanner(
                ctx.catalog(), config.generate(), ctx.seeds(), config.run().seed());
        InstructionWriter writer = new InstructionWriter(
                ctx.catalog(),
                ctx.prompts(),
                ctx.seeds(),
                ctx.teacher(config.teacher().temperature(), config.teacher().maxTokens()));
        // One set of clients for every round: the budget share and its ledger belong to the stage run,
        // so top-up rounds spend from what round 1 left rather than from a fresh share each.
        TeacherClients clients = ctx.clients(STAGE);
        List<StepOutput> steps = new ArrayList<>(List.of(references));
        // Instructions that need no call: those an earlier run generated, and imported ones. They are
        // validated with the new ones, so a new instruction that repeats one of them is the one removed.
        Dataset<Row> generated = withInput(steps, null, PreviousRun.instructions(ctx), InstructionOrigin.CARRIED);
        generated = withInput(steps, generated, ImportedInstructions.read(ctx), InstructionOrigin.IMPORTED);
        Map<String, Integer> callsMade = new HashMap<>(PreviousRun.callsMade(ctx));
        StepOutput validated = generated == null ? null : GeneratedInstructionsCheck.run(ctx, generated);
        Map<String, Long> has = validated == null ? Map.of() : generatedByScenario(validated.records());
        // Round 1 asks for every quota's shortfall; each later round asks only for what validation
        // removed, until the quotas are met or generate.max-rounds is reached.
        for (int round = 1; round <= config.generate().maxRounds(); round++) {
            List<GenerationTask> plan = planner.plan(referenceCount, has, callsMade);
            if (round == 1 || !plan.isEmpty()) {
                ctx.progress()
                        .say(GenerationPlanTable.render(
                                round, plan, ctx.catalog().scenarios(), config.generate()::quotaFor, has));
            }
            if (plan.isEmpty()) {
                break;
            }
            plan.forEach(t -> callsMade.merge(t.scenario(), 1, Integer::sum));
            String step = round == 1 ? "teacher-calls" : "teacher-calls-" + round;
            StepOutput called = new TeacherStep<>(
                            STAGE,
                            step,
                            GenerationTask.class,
                            Instruction.class,
                            (GenerationTask task, TeacherClients c) -> writer.write(task, c),
                            GenerationTask::id,
                            GenerationTask::scenario,
                            clients,
                            ctx.inFlight(config.teacher().endpoint()))
                    .run(
                            ctx.spark(),
                            ReferencesStep.withPassages(ctx, plan, indexedReferences),
                            ctx.layout(),
                            ctx.partitions());
            steps.add(called);
            generated =
                    union(generated, GeneratedInstructionsCheck.withOrigin(called.records(), InstructionOrigin.NEW));
            validated = GeneratedInstructionsCheck.run(ctx, generated);
            has = generatedByScenario(validated.records());
        }
        if (validated == null) {
            validated = GeneratedInstructionsCheck.run(ctx, GeneratedInstructionsCheck.none(ctx));
        }
        steps.add(validated);
        StageReport report = StageOutputs.write(ctx, STAGE, validated.records(), steps, start);
        PreviousRun.writeCallsMade(ctx, callsMade);
        return report;
    }

    /** {@code generated} with the instructions of {@code input}, a step that needs no call (if there is one). */
    private static Dataset<Row> withInput(
            List<StepOutput> steps, Dataset<Row> generated, StepOutput input, InstructionOrigin origin) {
        if (input == null) {
            return generated;
        }
        steps.add(input);
        return union(generated, GeneratedInstructionsCheck.withOrigin(input.records(), origin));
    }

    private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
        return a == null ? b : a.unionByName(b);
    }

    /** Quotas count generated instructions only: imported ones are extra data, not a substitute for the design. */
    private static Map<String, Long> generatedByScenario(Dataset<Row> instructions) {
        return StepCounts.byScenario(instructions.filter(col("method").notEqual(lit(ImportedInstructions.METHOD))));
    }
}
