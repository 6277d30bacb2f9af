package io.judgeforge.jobs.stage;

import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.generate.InstructionOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stage generate: plans the generation calls (both methods), runs them, and validates and
 * de-duplicates what comes back. Steps: references (read and check the documents) and passages (their passages
 * within inputs.max-chunks-per-document), both {@link ReferencesStep},
 * teacher-calls (one item per planned call, in the rounds of {@link GenerationRounds}), validate (one
 * item per returned instruction, {@link GeneratedInstructionsCheck}).
 */
public final class GenerateJob {
    public static final String STAGE = "generate";

    private GenerateJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        List<StepOutput> referenceSteps = ReferencesStep.read(ctx);
        StepOutput references = referenceSteps.get(referenceSteps.size() - 1);
        long referenceCount = references.report().out();
        // Kept with the run: the questioner set pairs each question with the passage it was written from.
        // With the earlier run's passages, which its carried instructions name.
        PreviousPassages.with(ctx, references.records())
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(ctx.layout().passages());
        Dataset<Row> indexedReferences =
                ReferencesStep.indexed(ctx, references.records()).cache();

        List<StepOutput> steps = new ArrayList<>(referenceSteps);
        GenerationRounds rounds = new GenerationRounds(ctx, steps);
        // Instructions that need no call: those an earlier run generated, and imported ones. They are
        // validated with the new ones, so a new instruction that repeats one of them is the one removed.
        rounds.add(PreviousRun.instructions(ctx), InstructionOrigin.CARRIED);
        rounds.add(ImportedInstructions.read(ctx), InstructionOrigin.IMPORTED);
        Map<String, Integer> callsMade = new HashMap<>(PreviousCalls.made(ctx));
        StepOutput validated = rounds.run(referenceCount, indexedReferences, callsMade);
        StageReport report = StageOutputs.write(ctx, STAGE, validated.records(), steps, start);
        PreviousCalls.write(ctx, callsMade);
        return report;
    }
}
