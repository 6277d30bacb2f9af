package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.stage.ClassifyJob;
import io.judgeforge.jobs.stage.GenerateJob;
import io.judgeforge.jobs.stage.JudgeJob;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.jobs.stage.RespondJob;
import io.judgeforge.jobs.stage.ScoreJob;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.ReferencePassage;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.score.IfdScore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a run's folders up to the score stage from {@link SyntheticRecords}, made by Spark tasks from
 * {@code spark.range} (nothing is built on the driver): what select, augment and export read (score and judge
 * records, classified and generated instructions, the passages) and the upstream stage reports the manifest
 * carries, each with one step named {@value #STEP} so nobody takes them for a run's.
 */
final class SyntheticRun {
    static final String STEP = "synthetic";

    private SyntheticRun() {}

    /** The input Parquet folders the three stages read, which the plain copy reads too. */
    static List<String> inputs(PipelineContext ctx) {
        return List.of(
                ctx.layout().records(ScoreJob.STAGE),
                ctx.layout().records(JudgeJob.STAGE),
                ctx.layout().records(ClassifyJob.STAGE),
                ctx.layout().records(GenerateJob.STAGE),
                ctx.layout().passages());
    }

    static void write(PipelineContext ctx, SyntheticRecords gen) {
        int partitions = ctx.partitions();
        write(ctx, ctx.layout().records(JudgeJob.STAGE), gen.records(), partitions, Judgment.class, gen::judgment);
        write(ctx, ctx.layout().records(ScoreJob.STAGE), gen.records(), partitions, IfdScore.class, gen::score);
        write(
                ctx,
                ctx.layout().records(ClassifyJob.STAGE),
                gen.instructions(),
                partitions,
                Instruction.class,
                i -> gen.instruction(i, true));
        write(
                ctx,
                ctx.layout().records(GenerateJob.STAGE),
                gen.instructions(),
                partitions,
                Instruction.class,
                i -> gen.instruction(i, false));
        RecordCodec<ReferencePassage> passages = RecordCodec.of(ReferencePassage.class);
        ctx.spark()
                .range(0, gen.passageSlots(), 1, partitions)
                .flatMap(
                        (FlatMapFunction<Long, Row>) k ->
                                gen.passage(k).map(passages::toRow).stream().iterator(),
                        Encoders.row(passages.schema()))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(ctx.layout().passages());

        Map<String, Long> instructions = new TreeMap<>();
        for (long i = 0; i < gen.instructions(); i++) {
            instructions.merge(gen.scenarioOfInstruction(i), 1L, Long::sum);
        }
        Map<String, Long> judgments = new TreeMap<>();
        for (long r = 0; r < gen.records(); r++) {
            judgments.merge(gen.scenarioOfInstruction(gen.instructionOf(r)), 1L, Long::sum);
        }
        report(ctx, GenerateJob.STAGE, gen.instructions(), instructions);
        report(ctx, ClassifyJob.STAGE, gen.instructions(), instructions);
        report(ctx, RespondJob.STAGE, gen.pointwise(), Map.of());
        report(ctx, JudgeJob.STAGE, gen.records(), judgments);
        report(ctx, ScoreJob.STAGE, gen.records(), judgments);
    }

    private static <T extends Record> void write(
            PipelineContext ctx, String path, long count, int partitions, Class<T> type, Maker<T> make) {
        RecordCodec<T> codec = RecordCodec.of(type);
        ctx.spark()
                .range(0, count, 1, partitions)
                .map((MapFunction<Long, Row>) r -> codec.toRow(make.make(r)), Encoders.row(codec.schema()))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(path);
    }

    private static void report(PipelineContext ctx, String stage, long records, Map<String, Long> byScenario) {
        StepReport step =
                new StepReport(STEP, records, records, 0, 0, records, Map.of(), 0, 0, 0, 0, 0, Map.of(), 0, 0);
        ctx.files()
                .replaceText(
                        ctx.layout().report(stage),
                        Json.write(new StageReport(stage, List.of(step), records, byScenario, 0)));
    }

    /** Makes record {@code index}; serializable, as Spark ships it to the tasks. */
    @FunctionalInterface
    interface Maker<T> extends java.io.Serializable {
        T make(long index);
    }
}
