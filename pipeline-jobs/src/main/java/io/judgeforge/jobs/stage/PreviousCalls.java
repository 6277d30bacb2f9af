package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;

import com.fasterxml.jackson.core.type.TypeReference;
import io.judgeforge.json.Json;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.RecordIds.GenerationCall;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The call numbering {@link PreviousRun} carries: a run continues after the calls the earlier run made, so
 * no new call repeats an earlier request.
 */
final class PreviousCalls {
    private static final String NEXT_CALLS = "_next_calls.json";

    private PreviousCalls() {}

    /** Kept with the run, so a run carried from this one continues its numbering even where it made no call. */
    static void write(PipelineContext ctx, Map<String, Integer> callsMade) {
        ctx.files()
                .replaceText(
                        ctx.layout().stage(GenerateJob.STAGE) + "/" + NEXT_CALLS, Json.write(new TreeMap<>(callsMade)));
    }

    /**
     * Per scenario, one past the highest call number the earlier run (or any run it carried from)
     * used, read from its call log and its instructions' task ids; empty when none is configured.
     */
    static Map<String, Integer> made(PipelineContext ctx) {
        // A refresh continues the numbering of the run that made the version it builds on.
        String folder = RefreshDelta.planOf(ctx)
                .filter(plan -> plan.parentRunId() != null)
                .map(plan -> ctx.layout().runs() + "/" + plan.parentRunId())
                .orElseGet(() -> PreviousRun.folder(ctx));
        Map<String, Integer> made = new HashMap<>();
        if (folder == null) {
            return made;
        }
        Dataset<Row> taskIds = ctx.spark()
                .read()
                .parquet(folder + "/" + GenerateJob.STAGE + "/records")
                .select(col("task_id").as("task"));
        String items = folder + "/" + GenerateJob.STAGE + "/items/teacher-calls*";
        if (ctx.files().globExists(items)) {
            taskIds = taskIds.unionByName(
                    ctx.spark().read().parquet(items).select(col("item_id").as("task")));
        }
        // Imported instructions have no task; an id that is not a generation task's has no call number.
        Dataset<Row> calls = taskIds.filter(col("task").isNotNull())
                .withColumn(
                        "scenario",
                        udf(
                                        (UDF1<String, String>) task -> RecordIds.generationCall(task)
                                                .map(GenerationCall::scenario)
                                                .orElse(null),
                                        DataTypes.StringType)
                                .apply(col("task")))
                .withColumn(
                        "call",
                        udf(
                                        (UDF1<String, Integer>) task -> RecordIds.generationCall(task)
                                                .map(GenerationCall::call)
                                                .orElse(null),
                                        DataTypes.IntegerType)
                                .apply(col("task")));
        for (Row r : calls.filter(col("call").isNotNull())
                .groupBy(col("scenario"))
                .agg(max(col("call")))
                .collectAsList()) {
            made.put(r.getString(0), r.getInt(1) + 1);
        }
        String kept = folder + "/" + GenerateJob.STAGE + "/" + NEXT_CALLS;
        if (ctx.files().exists(kept)) {
            Map<String, Integer> next =
                    Json.read(ctx.files().readText(kept), new TypeReference<Map<String, Integer>>() {});
            next.forEach((scenario, n) -> made.merge(scenario, n, Math::max));
        }
        return made;
    }
}
