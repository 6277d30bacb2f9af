package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.json.Json;
import io.judgeforge.stage.BoundedParallelMap;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.Stage;
import io.judgeforge.stage.StepReport;
import io.judgeforge.teacher.TeacherClients;
import io.judgeforge.teacher.call.WireRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs one per-item teacher step over a dataset: each partition keeps up to {@code parallelism}
 * calls in flight, and every input item ends as one row of the step's item log
 * ({@code items/<step>/}), with its status, reason, call usage and output records. The log is
 * written before anything reads the outputs, so the calls are made once per item and the counts
 * come from committed files rather than from accumulators that retries can inflate. Accumulators
 * ({@link TeacherMeters}) only feed the live progress line while the step runs.
 */
public final class TeacherStep<I extends Record, O extends Record> implements Serializable {
    private final String stage;
    private final String step;
    private final RecordCodec<I> in;
    private final RecordCodec<O> out;
    private final Stage<I, O> fn;
    private final ItemKey<I> idOf;
    private final ItemKey<I> scenarioOf;
    private final TeacherClients clients;
    private final int parallelism;

    public TeacherStep(
            String stage,
            String step,
            Class<I> in,
            Class<O> out,
            Stage<I, O> fn,
            ItemKey<I> idOf,
            ItemKey<I> scenarioOf,
            TeacherClients clients,
            int parallelism) {
        this.stage = stage;
        this.step = step;
        this.in = RecordCodec.of(in);
        this.out = RecordCodec.of(out);
        this.fn = fn;
        this.idOf = idOf;
        this.scenarioOf = scenarioOf;
        this.clients = clients;
        this.parallelism = parallelism;
    }

    private StructType itemSchema() {
        return new StructType()
                .add("item_id", DataTypes.StringType)
                .add("scenario", DataTypes.StringType)
                .add("status", DataTypes.StringType, false)
                .add("reason", DataTypes.StringType)
                .add("detail", DataTypes.StringType)
                .add("input", DataTypes.StringType)
                .add("calls", DataTypes.LongType, false)
                .add("stored", DataTypes.LongType, false)
                .add("prompt_tokens", DataTypes.LongType, false)
                .add("completion_tokens", DataTypes.LongType, false)
                .add("cost_usd", DataTypes.DoubleType, false)
                .add("latency_ms", DataTypes.LongType, false)
                .add("cached_tokens", DataTypes.LongType, false)
                .add("reasoning_tokens", DataTypes.LongType, false)
                .add("records", DataTypes.createArrayType(out.schema(), false), false);
    }

    /**
     * Runs the calls, writes the item log and returns the step's outputs read back from it. With
     * {@code batch.stages} naming the stage, the requests go out as provider batches first
     * ({@link StepBatches}); the items then find their answers in the response store, and the step's
     * report counts the batch lines as its calls, at the batch price.
     */
    public StepOutput run(SparkSession spark, Dataset<Row> input, RunLayout layout, int partitions) {
        StepBatches.Accounting batched = StepBatches.Accounting.NONE;
        if (clients.batch() != null) {
            StepBatches batches = new StepBatches(
                    spark,
                    layout.batches(stage, step),
                    clients,
                    line -> clients.batchProgress().accept(step + ": " + line));
            batches.run(() -> pending(input, partitions));
            batched = batches.accounting();
        }
        String itemsPath = layout.items(stage, step);
        TeacherMeters meters = TeacherMeters.register(spark.sparkContext(), stage);
        TeacherClients metered = clients.withEvents(meters);
        // In batch mode, after the batches: the store answers what they answered, and what they did not
        // is called now, online, unless batch.on-unanswered is quarantine.
        TeacherClients calling = clients.batch() == null ? metered : metered.online();
        MapPartitionsFunction<Row, Row> perPartition = rows -> {
            BoundedParallelMap<Row, Row> calls = new BoundedParallelMap<>(
                    rows, parallelism, clients.longestAttemptMs(), row -> process(row, metered, calling, meters));
            org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> calls.close());
            }
            return IoTimes.timedConsumer(calls);
        };
        long inputItems = input.count();
        meters.tagging(
                spark.sparkContext(),
                stage + " " + step,
                inputItems,
                () -> input.repartition(partitions)
                        .mapPartitions(perPartition, Encoders.row(itemSchema()))
                        .write()
                        .mode(SaveMode.Overwrite)
                        .parquet(itemsPath));

        Dataset<Row> items = spark.read().parquet(itemsPath);
        Dataset<Row> records = items.filter(col("status").equalTo(ItemStatus.OUT.code()))
                .select(explode(col("records")).as("r"))
                .select("r.*");
        Dataset<Row> rejects = items.filter(col("status").notEqual(ItemStatus.OUT.code()))
                .select(
                        lit(stage).as("stage"),
                        lit(step).as("step"),
                        col("status"),
                        col("item_id"),
                        col("scenario"),
                        col("reason"),
                        col("detail"),
                        col("input"));
        return new StepOutput(records, rejects, withBatches(StepCounts.ofItems(step, inputItems, items), batched));
    }

    /** The requests the items would make that the response store cannot answer: one PENDING row each, from the tasks. */
    private Dataset<Row> pending(Dataset<Row> input, int partitions) {
        return input.repartition(partitions)
                .flatMap(
                        (FlatMapFunction<Row, Row>) row -> {
                            I item = in.fromRow(row);
                            List<WireRequest> wanted = new ArrayList<>();
                            try {
                                fn.apply(item, clients.deferring(wanted::add));
                            } catch (io.judgeforge.config.ConfigException e) {
                                throw e;
                            } catch (RuntimeException e) {
                                // The item's defect is reported by the step's own run, which quarantines it.
                            }
                            List<Row> rows = new ArrayList<>();
                            for (WireRequest r : wanted) {
                                rows.add(RowFactory.create(
                                        r.key(), r.endpoint(), r.path(), r.model(), r.body(), scenarioOf.of(item)));
                            }
                            return rows.iterator();
                        },
                        Encoders.row(StepBatches.PENDING));
    }

    // The batch lines are this step's calls: their tokens and their cost (at the batch price) are added
    // to what the items spent online, so the stage report, the summary and the manifest count them.
    private static StepReport withBatches(StepReport r, StepBatches.Accounting b) {
        if (b.calls() == 0) {
            return r;
        }
        java.util.Map<String, Double> byScenario = new java.util.TreeMap<>(r.costByScenario());
        b.costByScenario().forEach((k, v) -> byScenario.merge(k, v, Double::sum));
        return new StepReport(
                r.step(),
                r.in(),
                r.out(),
                r.filtered(),
                r.quarantined(),
                r.produced(),
                r.reasons(),
                r.calls() + b.calls(),
                r.stored(),
                r.promptTokens() + b.promptTokens(),
                r.completionTokens() + b.completionTokens(),
                r.costUsd() + b.costUsd(),
                byScenario,
                r.cachedTokens() + b.cachedTokens(),
                r.reasoningTokens() + b.reasoningTokens());
    }

    private Row process(Row row, TeacherClients metered, TeacherClients calling, TeacherMeters meters) {
        long started = System.nanoTime();
        try {
            return processTimed(row, metered, calling, meters);
        } finally {
            IoTimes.since(IoTimes.Kind.TEACHER_ITEMS, started);
        }
    }

    private Row processTimed(Row row, TeacherClients metered, TeacherClients calling, TeacherMeters meters) {
        I item = in.fromRow(row);
        ItemOutcome<O> result;
        try {
            if (clients.batch() != null
                    && PipelineConfig.Batch.QUARANTINE.equals(clients.batch().onUnanswered())) {
                List<WireRequest> unanswered = new ArrayList<>();
                result = fn.apply(item, metered.deferring(unanswered::add));
                if (!unanswered.isEmpty()) {
                    result = ItemOutcome.quarantined(
                            RejectReason.BATCH_UNANSWERED,
                            unanswered.size() + " request(s) no provider batch answered, e.g. "
                                    + unanswered.get(0).key(),
                            result.usage());
                }
            } else {
                result = fn.apply(item, calling);
            }
        } catch (io.judgeforge.config.ConfigException e) {
            // A configuration problem fails every item alike: stop the run instead of quarantining it all.
            throw e;
        } catch (RuntimeException e) {
            // A defect in one item's data (an unknown scenario, a malformed field) must not sink the
            // partition's other items: the item is quarantined with the error, and counted.
            result = ItemOutcome.quarantined(
                    RejectReason.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), CallUsage.NONE);
        }
        meters.item(result.usage());
        List<Row> produced = new ArrayList<>();
        for (O record : result.records()) {
            produced.add(out.toRow(record));
        }
        ItemOutcome.Rejected<O> rejected = result instanceof ItemOutcome.Rejected<O> r ? r : null;
        return RowFactory.create(
                idOf.of(item),
                scenarioOf.of(item),
                result.status().code(),
                rejected == null ? null : rejected.reason().code(),
                rejected == null ? null : rejected.detail(),
                rejected == null ? null : Json.write(item),
                result.usage().calls(),
                result.usage().stored(),
                result.usage().promptTokens(),
                result.usage().completionTokens(),
                result.usage().costUsd(),
                result.usage().latencyMs(),
                result.usage().cachedTokens(),
                result.usage().reasoningTokens(),
                produced.toArray());
    }
}
