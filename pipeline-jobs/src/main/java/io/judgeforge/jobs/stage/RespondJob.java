package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.respond.AnswerCollector;
import io.judgeforge.stage.respond.AnswerTask;
import io.judgeforge.stage.respond.Response;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Stage respond: every classified instruction is answered by every model of the answer pool. */
public final class RespondJob {
    public static final String STAGE = "respond";

    private RespondJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig config = ctx.config();
        RecordCodec<AnswerModel> modelCodec = RecordCodec.of(AnswerModel.class);
        List<Row> poolRows = new ArrayList<>();
        config.respond().pool().forEach(m -> poolRows.add(modelCodec.toRow(m)));
        Dataset<Row> pool = ctx.spark().createDataFrame(poolRows, modelCodec.schema());
        Dataset<Row> instructions = ctx.spark().read().parquet(ctx.layout().records(ClassifyJob.STAGE));
        Dataset<Row> tasks = instructions
                .select(struct(all(instructions)).as("instruction"))
                .crossJoin(pool.select(struct(all(pool)).as("model")));

        AnswerCollector collector = new AnswerCollector();
        int inFlight = config.respond().pool().stream()
                .mapToInt(m -> ctx.inFlight(m.endpoint()))
                .max()
                .orElse(1);
        TeacherStep<AnswerTask, Response> step = new TeacherStep<>(
                STAGE,
                "answer-calls",
                AnswerTask.class,
                Response.class,
                (task, clients) -> collector.answer(task.instruction(), task.model(), clients),
                AnswerTask::id,
                task -> task.instruction().scenario(),
                ctx.clients(STAGE),
                inFlight);
        StepOutput out = step.run(ctx.spark(), tasks, ctx.layout(), ctx.partitions());
        return StageOutputs.write(ctx, STAGE, out.records(), List.of(out), start);
    }

    private static Column[] all(Dataset<Row> ds) {
        return java.util.Arrays.stream(ds.columns()).map(c -> col(c)).toArray(Column[]::new);
    }
}
