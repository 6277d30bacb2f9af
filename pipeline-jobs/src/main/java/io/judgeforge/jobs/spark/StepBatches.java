package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.hash.Sha256;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.TeacherClients;
import io.judgeforge.teacher.batch.BatchClient;
import io.judgeforge.teacher.batch.BatchJob;
import io.judgeforge.teacher.batch.BatchRequestLine;
import io.judgeforge.teacher.batch.BatchResultLine;
import io.judgeforge.teacher.batch.BatchRound;
import io.judgeforge.teacher.call.Usage;
import io.judgeforge.teacher.http.ReplyShape;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.function.MapFunction;
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
 * The provider-batch passes of one teacher step ({@code batch.stages}). A pass takes the requests
 * the step's items would make and the response store cannot answer (collected by the tasks, never
 * by the driver), sends them as batches per endpoint, path and model, and puts every usable answer
 * into the response store under its request key; the requests a batch did not answer (expired,
 * failed lines, a failed batch) go out again in a new round, up to {@code batch.max-resubmits}.
 * Items whose next request depends on an answer need another pass, up to {@code batch.max-passes}.
 * Afterwards the step runs as usual and finds its answers in the store.
 *
 * <p>Everything lives under {@code runs/<id>/<stage>/batches/<step>/pass-N/round-R/<group>/}, each
 * batch's id written before it is polled ({@link BatchRound}), so a resumed run polls the batches a
 * dead driver submitted. What the batches cost, at the batch price, is tallied from the results
 * kept beside them ({@code _results}), so it is counted once whatever was resumed.
 */
final class StepBatches {
    /** What the batch lines of a step came to: calls are lines the provider ran (answered or failed). */
    record Accounting(
            long calls,
            long promptTokens,
            long completionTokens,
            long cachedTokens,
            long reasoningTokens,
            double costUsd,
            Map<String, Double> costByScenario) {
        static final Accounting NONE = new Accounting(0, 0, 0, 0, 0, 0, Map.of());
    }

    static final StructType PENDING = new StructType()
            .add("key", DataTypes.StringType, false)
            .add("endpoint", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false)
            .add("model", DataTypes.StringType)
            .add("body", DataTypes.StringType, false)
            .add("scenario", DataTypes.StringType);

    private static final StructType RESULT = new StructType()
            .add("key", DataTypes.StringType)
            .add("status_code", DataTypes.IntegerType, false)
            .add("body", DataTypes.StringType)
            .add("error_code", DataTypes.StringType);

    private static final StructType ACCOUNTED = new StructType()
            .add("key", DataTypes.StringType)
            .add("scenario", DataTypes.StringType)
            .add("status_code", DataTypes.IntegerType, false)
            .add("error_code", DataTypes.StringType)
            .add("answered", DataTypes.BooleanType, false)
            .add("stored", DataTypes.BooleanType, false)
            .add("prompt_tokens", DataTypes.LongType, false)
            .add("completion_tokens", DataTypes.LongType, false)
            .add("cached_tokens", DataTypes.LongType, false)
            .add("reasoning_tokens", DataTypes.LongType, false)
            .add("cost_usd", DataTypes.DoubleType, false);

    private final SparkSession spark;
    private final HadoopFiles files;
    private final String folder;
    private final TeacherClients clients;
    private final PipelineConfig.Batch settings;
    private final Consumer<String> progress;

    StepBatches(SparkSession spark, String folder, TeacherClients clients, Consumer<String> progress) {
        this.spark = spark;
        this.files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        this.folder = folder;
        this.clients = clients;
        this.settings = clients.batch();
        this.progress = progress;
    }

    /** Runs the passes; {@code pending} gives the requests the step's items still lack (PENDING rows). */
    void run(Supplier<Dataset<Row>> pending) {
        for (int pass = 1; pass <= settings.maxPasses(); pass++) {
            String passDir = folder + "/pass-" + pass;
            // Kept once written: a resumed run sends (or polls) the same requests for this pass.
            if (!files.exists(passDir + "/requests/_SUCCESS")) {
                Dataset<Row> fresh = pending.get()
                        .groupBy("key")
                        .agg(
                                first("endpoint").as("endpoint"),
                                first("path").as("path"),
                                first("model").as("model"),
                                first("body").as("body"),
                                min("scenario").as("scenario"));
                if (pass > 1) {
                    // A request an earlier pass sent and gave up on is not sent again: the resubmits are bounded.
                    Dataset<Row> sent = spark.read()
                            .parquet(folder + "/pass-*/requests")
                            .select(col("key").as("sent_key"));
                    fresh = fresh.join(sent, fresh.col("key").equalTo(sent.col("sent_key")), "left_anti");
                }
                fresh.write().mode(SaveMode.Overwrite).parquet(passDir + "/requests");
            }
            Dataset<Row> requests = spark.read().parquet(passDir + "/requests");
            for (int round = 0; round <= settings.maxResubmits(); round++) {
                String roundDir = passDir + "/round-" + round;
                Dataset<Row> toSend = round == 0
                        ? requests
                        : requests.join(
                                answered(passDir), requests.col("key").equalTo(col("answered_key")), "left_anti");
                // One job counts the requests and finds their groups: a batch serves one endpoint, path and model.
                List<Row> groups = toSend.groupBy("endpoint", "path", "model")
                        .count()
                        .orderBy("endpoint", "path", "model")
                        .collectAsList();
                long count = groups.stream().mapToLong(g -> g.getLong(3)).sum();
                if (count == 0 && !files.exists(roundDir)) {
                    if (round == 0) {
                        return;
                    }
                    break;
                }
                progress.accept(
                        round == 0
                                ? "pass " + pass + ": " + count + " requests for provider batches"
                                : "resubmitting " + count + " unanswered requests (pass " + pass + ", round " + round
                                        + ")");
                sendRound(roundDir, toSend, groups);
                ingest(roundDir, requests);
            }
        }
    }

    /** Keys a round of this pass answered with a 200 (usable or not: asking again gets the same answer). */
    private Dataset<Row> answered(String passDir) {
        String pattern = passDir + "/round-*/_results";
        if (!files.globExists(pattern)) {
            return spark.createDataFrame(List.of(), new StructType().add("answered_key", DataTypes.StringType));
        }
        return spark.read()
                .parquet(pattern)
                .filter(col("answered"))
                .select(col("key").as("answered_key"));
    }

    private void sendRound(String roundDir, Dataset<Row> toSend, List<Row> groups) {
        Map<String, String[]> byFolder = new TreeMap<>();
        for (Row g : groups) {
            String[] group = {g.getString(0), g.getString(1), g.isNullAt(2) ? "" : g.getString(2)};
            byFolder.put(groupFolder(group), group);
        }
        // A round a dead driver began: its groups are polled too, even if no request of theirs is pending now.
        if (files.exists(roundDir)) {
            for (FileStatus dir : files.list(roundDir)) {
                String group = dir.getPath().toString() + "/_group.json";
                if (dir.isDirectory() && files.exists(group)) {
                    JsonNode json = Json.read(files.readText(group), JsonNode.class);
                    byFolder.putIfAbsent(dir.getPath().getName(), new String[] {
                        json.path("endpoint").asText(),
                        json.path("path").asText(),
                        json.path("model").asText()
                    });
                }
            }
        }
        for (Map.Entry<String, String[]> entry : byFolder.entrySet()) {
            String[] group = entry.getValue();
            String dir = roundDir + "/" + entry.getKey();
            BatchClient client = new BatchClient(group[0], clients.endpoint(group[0]), clients.apiKey(group[0]));
            String lineUrl = client.lineUrl(group[1]);
            HadoopBatchFolder batchFolder = new HadoopBatchFolder(files, dir);
            Iterator<String> lines;
            if (batchFolder.list().contains("_chunked")) {
                lines = java.util.Collections.emptyIterator();
            } else {
                files.replaceText(
                        dir + "/_group.json",
                        Json.write(Map.of("endpoint", group[0], "path", group[1], "model", group[2])));
                toSend.filter(col("endpoint")
                                .equalTo(group[0])
                                .and(col("path").equalTo(group[1]))
                                .and(coalesce(col("model"), lit("")).equalTo(group[2])))
                        .select("key", "body")
                        .map(
                                (MapFunction<Row, String>)
                                        r -> new BatchRequestLine(r.getString(0), lineUrl, r.getString(1)).toJson(),
                                Encoders.STRING())
                        .write()
                        .mode(SaveMode.Overwrite)
                        .text(dir + "/_lines");
                lines = lines(dir + "/_lines");
            }
            try {
                List<BatchJob> ended = new BatchRound(client, settings, Thread::sleep, progress)
                        .run(batchFolder, lines, lineUrl, Map.of("judgeforge_group", entry.getKey()));
                progress.accept(String.format(
                        "%s: %d batch(es), %d lines answered, %d failed or expired",
                        dir.substring(folder.length() + 1),
                        ended.size(),
                        ended.stream().mapToLong(BatchJob::completed).sum(),
                        ended.stream().mapToLong(BatchJob::failed).sum()));
                for (BatchJob job : ended) {
                    if (!job.status().equals("completed")) {
                        progress.accept("batch " + job.id() + " ended " + job.status() + ": " + job.completed() + " of "
                                + job.total() + " answered" + (job.errors() == null ? "" : "; " + job.errors()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("batch round " + dir + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batches under " + dir, e);
            }
        }
    }

    /** The lines of the text files Spark wrote under {@code dir}, read one at a time. */
    private Iterator<String> lines(String dir) {
        List<String> parts = new ArrayList<>();
        for (FileStatus part : files.list(dir)) {
            if (part.getPath().getName().startsWith("part-")) {
                parts.add(part.getPath().toString());
            }
        }
        return new Iterator<>() {
            private int next;
            private BufferedReader reader;
            private String line;

            @Override
            public boolean hasNext() {
                try {
                    while (line == null) {
                        if (reader == null) {
                            if (next >= parts.size()) {
                                return false;
                            }
                            reader = new BufferedReader(
                                    new InputStreamReader(files.open(parts.get(next++)), StandardCharsets.UTF_8));
                        }
                        line = reader.readLine();
                        if (line == null) {
                            reader.close();
                            reader = null;
                        } else if (line.isEmpty()) {
                            line = null;
                        }
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String out = line;
                line = null;
                return out;
            }
        };
    }

    /**
     * Reads the round's output and error files in Spark, puts every usable answer into the response
     * store (by the executors), and keeps one accounting row per line under {@code _results}.
     */
    private void ingest(String roundDir, Dataset<Row> requests) {
        String pattern = roundDir + "/*/input-*.{output,errors}.jsonl";
        if (!files.globExists(pattern)) {
            spark.createDataFrame(List.of(), ACCOUNTED)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .parquet(roundDir + "/_results");
            return;
        }
        Dataset<Row> results = spark.read()
                .textFile(pattern)
                .map(
                        (MapFunction<String, Row>) text -> {
                            BatchResultLine line = BatchResultLine.parse(text);
                            return RowFactory.create(line.customId(), line.statusCode(), line.body(), line.errorCode());
                        },
                        Encoders.row(RESULT));
        TeacherClients c = clients;
        double discount = settings.discount();
        MapPartitionsFunction<Row, Row> keep = rows -> {
            ResponseStore store = c.openStore();
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                String key = r.getAs("key");
                int status = r.getAs("status_code");
                String body = r.getAs("body");
                String path = r.getAs("path");
                String model = r.getAs("model");
                boolean answered = status == 200 && body != null;
                JsonNode json = answered ? Json.read(body, JsonNode.class) : null;
                ReplyShape shape =
                        path != null && path.endsWith("/chat/completions") ? ReplyShape.CHAT : ReplyShape.COMPLETION;
                boolean usable = answered && shape.usable(json);
                if (usable) {
                    store.put(new StoredResponse(
                            key,
                            r.getAs("endpoint"),
                            path,
                            r.getAs("request"),
                            body,
                            Instant.now().toString()));
                }
                Usage usage = Usage.of(json);
                out.add(RowFactory.create(
                        key,
                        r.getAs("scenario"),
                        status,
                        r.getAs("error_code"),
                        answered,
                        usable,
                        usage.promptTokens(),
                        usage.completionTokens(),
                        usage.cachedTokens(),
                        usage.reasoningTokens(),
                        model == null ? 0.0 : c.spending().batchCost(model, usage, discount)));
            }
            return out.iterator();
        };
        results.join(
                        requests.select(
                                col("key").as("request_key"),
                                col("endpoint"),
                                col("path"),
                                col("model"),
                                col("body").as("request"),
                                col("scenario")),
                        col("key").equalTo(col("request_key")),
                        "left")
                .mapPartitions(keep, Encoders.row(ACCOUNTED))
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(roundDir + "/_results");
    }

    /** A folder name for an endpoint, path and model: readable, and unique by a hash of the three. */
    private static String groupFolder(String[] group) {
        String hash = Sha256.hex(String.join("\n", group)).substring(0, 12);
        return (group[0] + "-" + group[2]).replaceAll("[^A-Za-z0-9._-]", "_") + "-" + hash;
    }

    /** What every batch line of the step came to, from the results kept beside the batches. */
    Accounting accounting() {
        String pattern = folder + "/pass-*/round-*/_results";
        if (!files.globExists(pattern)) {
            return Accounting.NONE;
        }
        long calls = 0;
        long[] tokens = new long[4];
        double cost = 0;
        Map<String, Double> byScenario = new TreeMap<>();
        // One job: the totals are the sums of the few per-scenario rows.
        for (Row r : spark.read()
                .parquet(pattern)
                .filter(col("status_code").gt(0))
                .groupBy(coalesce(col("scenario"), lit("(none)")))
                .agg(
                        count(lit(1)),
                        sum("prompt_tokens"),
                        sum("completion_tokens"),
                        sum("cached_tokens"),
                        sum("reasoning_tokens"),
                        sum("cost_usd"))
                .collectAsList()) {
            calls += r.getLong(1);
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] += r.getLong(2 + i);
            }
            cost += r.getDouble(6);
            if (r.getDouble(6) > 0) {
                byScenario.put(r.getString(0), r.getDouble(6));
            }
        }
        return calls == 0
                ? Accounting.NONE
                : new Accounting(calls, tokens[0], tokens[1], tokens[2], tokens[3], cost, byScenario);
    }
}
