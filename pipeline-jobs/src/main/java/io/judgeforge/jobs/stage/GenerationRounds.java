package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.Stage;
import io.judgeforge.stage.generate.GenerationPlanTable;
import io.judgeforge.stage.generate.GenerationPlanner;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.InstructionOrigin;
import io.judgeforge.stage.generate.InstructionWriter;
import io.judgeforge.teacher.TeacherClients;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The generation rounds of stage generate: the instructions that need no call, then one teacher-calls
 * step per round, each followed by {@link GeneratedInstructionsCheck} on all instructions so far. Each
 * step is added to the stage's list of steps as it runs.
 */
final class GenerationRounds {
    private final PipelineContext ctx;
    private final GenerationPlanner planner;
    private final Stage<GenerationTask, Instruction> writeInstruction;
    private final TeacherClients clients;
    private final List<StepOutput> steps;
    private Dataset<Row> generated;

    GenerationRounds(PipelineContext ctx, List<StepOutput> steps) {
        PipelineConfig config = ctx.config();
        this.ctx = ctx;
        this.planner = new GenerationPlanner(
                ctx.catalog(), config.generate(), ctx.seeds(), config.run().seed());
        InstructionWriter writer = new InstructionWriter(
                ctx.catalog(),
                ctx.prompts(),
                ctx.seeds(),
                ctx.teacher(config.teacher().temperature(), config.teacher().maxTokens()));
        // A method reference on the writer alone, so what the teacher step ships to the executors is not this.
        this.writeInstruction = writer::write;
        // One set of clients for every round: the budget share and its ledger belong to the stage run,
        // so top-up rounds spend from what round 1 left rather than from a fresh share each.
        this.clients = ctx.clients(GenerateJob.STAGE);
        this.steps = steps;
    }

    /** Adds the instructions of {@code input}, a step that needs no call (if there is one). */
    void add(StepOutput input, InstructionOrigin origin) {
        if (input != null) {
            steps.add(input);
            union(GeneratedInstructionsCheck.withOrigin(input.records(), origin));
        }
    }

    /**
     * Runs the rounds and returns the last validate step, which it also adds to the steps. Round 1
     * asks for every quota's shortfall; each later round asks only for what validation removed, until the
     * quotas are met or generate.max-rounds is reached.
     */
    StepOutput run(long referenceCount, Dataset<Row> indexedReferences, Map<String, Integer> callsMade) {
        PipelineConfig config = ctx.config();
        StepOutput validated = generated == null ? null : GeneratedInstructionsCheck.run(ctx, generated);
        Map<String, Long> has = validated == null ? Map.of() : generatedByScenario(validated.records());
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
            StepOutput called = new TeacherStep<>(
                            GenerateJob.STAGE,
                            round == 1 ? "teacher-calls" : "teacher-calls-" + round,
                            GenerationTask.class,
                            Instruction.class,
                            writeInstruction,
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
            union(GeneratedInstructionsCheck.withOrigin(called.records(), InstructionOrigin.NEW));
            validated = GeneratedInstructionsCheck.run(ctx, generated);
            has = generatedByScenario(validated.records());
        }
        if (validated == null) {
            validated = GeneratedInstructionsCheck.run(ctx, GeneratedInstructionsCheck.none(ctx));
        }
        steps.add(validated);
        return validated;
    }

    private void union(Dataset<Row> more) {
        generated = generated == null ? more : generated.unionByName(more);
    }

    /** Quotas count generated instructions only: imported ones are extra data, not a substitute for the design. */
    private static Map<String, Long> generatedByScenario(Dataset<Row> instructions) {
        return StepCounts.byScenario(instructions.filter(col("method").notEqual(lit(ImportedInstructions.METHOD))));
    }
}
