package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.RecordIds.GenerationCall;
import io.judgeforge.stage.generate.Instruction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code generate.previous-run}: the generated instructions of an earlier run count toward this
 * run's quotas and are carried into its output, so a later run writes only the shortfall. Its call
 * numbering continues after the earlier run's, so no new call repeats an earlier request (which
 * the response store would answer with the same instructions).
 */
final class PreviousRun {
    private static final String NEXT_CALLS = "_next_calls.json";

    private PreviousRun() {}

    /** The earlier run's folder, or null when none is configured: a run id under OUT/runs, or a URI. */
    static String folder(PipelineContext ctx) {
        String previous = ctx.config().generate().previousRun();
        if (previous.isBlank()) {
            return null;
        }
        String folder = previous.contains("/")
                ? previous.replaceAll("/+$", "")
                : ctx.layout().runs() + "/" + previous;
        if (folder.equals(ctx.layout().run())) {
            throw new ConfigException("generate.previous-run names this run itself (" + previous + ")");
        }
        if (!ctx.files().exists(folder + "/" + GenerateJob.STAGE + "/records")) {
            throw new ConfigException("generate.previous-run: no generated instructions at " + folder + "/"
                    + GenerateJob.STAGE + "/records (give the id of a run under "
                    + ctx.layout().runs() + " or a run folder's URI)");
        }
        return folder;
    }

    /** The step {@code previous-run}, or null: every generated instruction the earlier run kept. */
    static StepOutput instructions(PipelineContext ctx) {
        String folder = folder(ctx);
        if (folder == null) {
            return null;
        }
        Dataset<Row> earlier = ctx.spark()
                .read()
                .parquet(folder + "/" + GenerateJob.STAGE + "/records")
                .filter(col("method").notEqual(lit(ImportedInstructions.METHOD)));
        // A field the earlier version did not write (such as reference_answer) is null, as it would have been.
        List<String> present = java.util.Arrays.asList(earlier.columns());
        List<org.apache.spark.sql.Column> columns = new java.util.ArrayList<>();
        for (org.apache.spark.sql.types.StructField f :
                RecordCodec.of(Instruction.class).schema().fields()) {
            columns.add(
                    present.contains(f.name())
                            ? col(f.name())
                            : lit(null).cast(f.dataType()).as(f.name()));
        }
        Dataset<Row> carried = earlier.select(columns.toArray(org.apache.spark.sql.Column[]::new))
                .cache();
        long n = carried.count();
        ctx.progress().say("[generate] carried over " + n + " generated instructions from " + folder);
        Dataset<Row> none = ctx.spark()
                .createDataFrame(
                        java.util.List.<Row>of(),
                        RecordCodec.of(io.judgeforge.stage.RejectedRecord.class).schema());
        return new StepOutput(carried, none, StepCounts.ofFilter("previous-run", n, n, none));
    }

    /**
     * This run's passages and those of the earlier run that this run's references do not have: the
     * carried instructions name them. A passage id present in both with different text is a config
     * error (the references or the chunking changed), reported before any call.
     */
    static Dataset<Row> withPassages(PipelineContext ctx, Dataset<Row> current) {
        String folder = folder(ctx);
        if (folder == null) {
            return current;
        }
        String path = folder + "/" + GenerateJob.STAGE + "/passages";
        if (!ctx.files().exists(path)) {
            throw new ConfigException(
                    "generate.previous-run: " + folder + " keeps no passages (generate/passages); it was"
                            + " made by an older version, so its instructions cannot be carried over");
        }
        Dataset<Row> earlier = ctx.spark()
                .read()
                .parquet(path)
                .select(
                        current.columns()[0],
                        java.util.Arrays.copyOfRange(current.columns(), 1, current.columns().length));
        Dataset<Row> changed = earlier.join(
                        current.select(col("id").as("cid"), col("text").as("ctext")),
                        col("id").equalTo(col("cid")))
                .filter(col("text").notEqual(col("ctext")));
        List<Row> examples = changed.select("id").limit(3).collectAsList();
        if (!examples.isEmpty()) {
            throw new ConfigException(
                    "generate.previous-run: " + changed.count() + " passage(s) have the same id but other text"
                            + " than in " + folder + " (for example "
                            + examples.stream().map(r -> r.getString(0)).toList()
                            + "); keep inputs.references and the chunking of the earlier run, or start afresh");
        }
        return current.unionByName(
                earlier.join(current.select(col("id").as("cid")), col("id").equalTo(col("cid")), "left_anti"));
    }

    /** Kept with the run, so a run carried from this one continues its numbering even where it made no call. */
    static void writeCallsMade(PipelineContext ctx, Map<String, Integer> callsMade) {
        ctx.files()
                .replaceText(
                        ctx.layout().stage(GenerateJob.STAGE) + "/" + NEXT_CALLS,
                        io.judgeforge.json.Json.write(new java.util.TreeMap<>(callsMade)));
    }

    /**
     * Per scenario, one past the highest call number the earlier run (or any run it carried from)
     * used, read from its call log and its instructions' task ids; empty when none is configured.
     */
    static Map<String, Integer> callsMade(PipelineContext ctx) {
        String folder = folder(ctx);
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
            Map<String, Integer> next = io.judgeforge.json.Json.read(
                    ctx.files().readText(kept),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
            next.forEach((scenario, n) -> made.merge(scenario, n, Math::max));
        }
        return made;
    }
}
