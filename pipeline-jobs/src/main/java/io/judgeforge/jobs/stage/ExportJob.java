package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.hash.Sha256;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.export.ShardInfo;
import io.judgeforge.stage.export.SplitAssigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stage export: turns the run's data into the paper's three chat-format fine-tuning sets (judge,
 * scenario classifier, questioner; see FineTuningSets) and publishes them as a dataset version: JSONL
 * shards under {@code OUT/datasets/<version>/<set>/{train,validation}/part-NNNNN.jsonl} and a
 * {@code manifest.json}.
 * Where renames are atomic (local files, HDFS) the version is assembled in a staging folder and
 * renamed into place; on object stores (S3A and the like) the shards are written straight into the
 * version's folder and {@code manifest.json}, one PUT, is written last: a version folder without a
 * manifest is incomplete (docs/storage.md). Either way {@code LATEST} is replaced only after that, so
 * a crash never leaves a half-written version behind LATEST.
 */
public final class ExportJob {
  public static final String STAGE = "export";
  public static final String JUDGE_SET = FineTuningSets.JUDGE;
  static final List<String> UPSTREAM = List.of(GenerateJob.STAGE, ClassifyJob.STAGE, RespondJob.STAGE, JudgeJob.STAGE,
      ScoreJob.STAGE, SelectJob.STAGE, AugmentJob.STAGE);

  private ExportJob() {}

  /** The published version's folder. */
  public static String run(PipelineContext ctx) {
    long start = System.nanoTime();
    String version = version(ctx);
    String target = ctx.layout().datasets() + "/" + version;
    boolean renames = ctx.files().renamesAtomically(target);
    if (ctx.files().exists(target) && !renames && !published(ctx)) {
      ctx.progress().say("[export] removing " + target + ", left without a manifest by an export that did not finish");
      ctx.files().delete(target);
    }
    if (ctx.files().exists(target)) {
      throw new io.judgeforge.config.ConfigException("Dataset version " + version + " already exists at " + target
          + "; set export.version to a new name");
    }

    List<FineTuningSets.Built> sets = FineTuningSets.all(ctx);
    FineTuningSets.Built judge = sets.get(0);
    StageReport report = StageOutputs.write(ctx, STAGE, judge.examples(), sets.stream().map(FineTuningSets.Built::step).toList(),
        start);
    for (FineTuningSets.Built set : sets.subList(1, sets.size())) {
      set.examples().write().mode(SaveMode.Overwrite).parquet(ctx.layout().records(STAGE, set.name()));
    }

    Dataset<Row> written = ctx.spark().read().parquet(ctx.layout().records(STAGE)).cache();
    if (written.isEmpty()) {
      throw new IllegalStateException("Nothing to publish: the judge set has 0 records after selection (stage reports"
          + " under " + ctx.layout().run() + " say where they went); LATEST is unchanged");
    }
    String staging = renames ? ctx.layout().datasets() + "/.staging-" + version + "-" + System.currentTimeMillis() : target;
    List<ShardInfo> shards = new ArrayList<>();
    Map<String, Manifest.SetCounts> counts = new LinkedHashMap<>();
    for (FineTuningSets.Built set : sets) {
      Dataset<Row> records = set == judge ? written : ctx.spark().read().parquet(ctx.layout().records(STAGE, set.name()));
      for (String split : List.of(SplitAssigner.TRAIN, SplitAssigner.VALIDATION)) {
        shards.addAll(writeShards(ctx, records.filter(col("split").equalTo(split)), staging, set.name(), split));
      }
      counts.put(set.name(), setCounts(set.task(), records));
    }

    List<StageReport> stages = new ArrayList<>();
    for (String stage : UPSTREAM) {
      stages.add(Json.read(ctx.files().readText(ctx.layout().report(stage)), StageReport.class));
    }
    stages.add(report);
    boolean reconciled = stages.stream().allMatch(s -> s.steps().stream().allMatch(io.judgeforge.stage.StepReport::balanced));
    long calls = stages.stream().mapToLong(StageReport::calls).sum();
    long promptTokens = stages.stream().mapToLong(StageReport::promptTokens).sum();
    long completionTokens = stages.stream().mapToLong(StageReport::completionTokens).sum();
    long wallMs = stages.stream().mapToLong(StageReport::wallMs).sum();
    long stored = stages.stream().mapToLong(StageReport::stored).sum();
    double costUsd = stages.stream().mapToDouble(StageReport::costUsd).sum();
    boolean budgetStopped = stages.stream().anyMatch(StageReport::budgetStopped);
    Manifest manifest = new Manifest(version, ctx.layout().runId(), ctx.config().run().name(), Instant.now().toString(),
        ctx.configSha256(), counts, shards, stages,
        new Manifest.Totals(calls, stored, promptTokens, completionTokens, costUsd, wallMs, reconciled,
            stages.stream().mapToLong(StageReport::cachedTokens).sum(),
            stages.stream().mapToLong(StageReport::reasoningTokens).sum()),
        new Manifest.BudgetUse(ctx.config().budget().maxUsd(), ctx.config().budget().maxTokens(), costUsd,
            promptTokens + completionTokens, budgetStopped));
    // The commit: the manifest is written last (on object stores its PUT is what publishes the
    // version), then the staging folder is renamed into place where renames are atomic.
    ctx.files().writeText(staging + "/manifest.json", Json.write(manifest));
    if (renames) {
      ctx.files().rename(staging, target);
    }
    ctx.files().replaceText(ctx.layout().latest(), version + "\n");
    written.unpersist();
    ctx.progress().say("[export] published " + target + " (" + shards.size() + " shards); LATEST -> " + version);
    return target;
  }

  static String version(PipelineContext ctx) {
    return ctx.config().export().version().isEmpty() ? ctx.layout().runId() : ctx.config().export().version();
  }

  /** True when this run's version is published: its folder holds {@code manifest.json}, written last. */
  static boolean published(PipelineContext ctx) {
    return ctx.files().exists(ctx.layout().datasets() + "/" + version(ctx) + "/manifest.json");
  }

  private static List<ShardInfo> writeShards(PipelineContext ctx, Dataset<Row> records, String staging, String set, String split) {
    long count = records.count();
    if (count == 0) {
      return List.of();
    }
    int perShard = ctx.config().export().shardRecords();
    int shardCount = (int) Math.max(1, (count + perShard - 1) / perShard);
    String sparkDir = staging + "/_spark/" + set + "/" + split;
    String dir = staging + "/" + set + "/" + split;
    inShards(ctx, records, perShard, shardCount).write().mode(SaveMode.ErrorIfExists)
        .option("maxRecordsPerFile", perShard).json(sparkDir);
    List<ShardInfo> shards = new ArrayList<>();
    int n = 0;
    for (FileStatus f : ctx.files().list(sparkDir)) {
      String name = f.getPath().getName();
      if (!name.startsWith("part-")) {
        continue;
      }
      String shardName = String.format("part-%05d.jsonl", n++);
      String shardPath = dir + "/" + shardName;
      ctx.files().rename(f.getPath().toString(), shardPath);
      shards.add(describe(ctx, shardPath, set + "/" + split + "/" + shardName, set, split));
    }
    ctx.files().delete(staging + "/_spark");
    return shards;
  }

  /**
   * The records in total order (by id, then by the whole record), shard {@code k} holding ranks
   * {@code k * perShard} to {@code (k + 1) * perShard - 1}: the same shards, byte for byte, however
   * many partitions or cores the run had. (A round-robin repartition after the sort would depend on
   * the sort's own partitioning, which follows spark.partitions and the shuffle settings.)
   */
  static Dataset<Row> inShards(PipelineContext ctx, Dataset<Row> records, int perShard, int shardCount) {
    org.apache.spark.sql.Column[] all = java.util.Arrays.stream(records.columns()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
    Dataset<Row> ordered = records.orderBy(col("id"), org.apache.spark.sql.functions.to_json(
        org.apache.spark.sql.functions.struct(all)));
    int width = records.schema().size();
    org.apache.spark.api.java.JavaRDD<Row> ranked = ordered.javaRDD().zipWithIndex()
        .mapToPair(t -> new scala.Tuple2<>((int) (t._2() / perShard), t))
        .partitionBy(new org.apache.spark.HashPartitioner(shardCount))
        .values()
        .map(t -> {
          Object[] values = new Object[width + 1];
          for (int i = 0; i < width; i++) {
            values[i] = t._1().get(i);
          }
          values[width] = t._2();
          return org.apache.spark.sql.RowFactory.create(values);
        });
    return ctx.spark().createDataFrame(ranked, records.schema().add("_rank", org.apache.spark.sql.types.DataTypes.LongType))
        .sortWithinPartitions("_rank").drop("_rank");
  }

  // Streams the shard once to count its lines and hash it; nothing is held in memory.
  private static ShardInfo describe(PipelineContext ctx, String path, String relative, String set, String split) {
    try (InputStream raw = ctx.files().open(path);
        DigestInputStream in = Sha256.hashing(raw)) {
      byte[] buf = new byte[1 << 16];
      long bytes = 0;
      long lines = 0;
      int read;
      while ((read = in.read(buf)) > 0) {
        bytes += read;
        for (int i = 0; i < read; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
      return new ShardInfo(relative, set, split, lines, bytes, Sha256.hex(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read shard " + path, e);
    }
  }

  private static Manifest.SetCounts setCounts(String task, Dataset<Row> records) {
    boolean judged = java.util.Arrays.asList(records.columns()).contains("mode");
    Map<String, Long> bySplit = new TreeMap<>();
    Map<String, Long> byScenario = new TreeMap<>();
    Map<String, Long> byMode = new TreeMap<>();
    Map<String, Long> byScore = new TreeMap<>();
    Map<String, Long> byVerdict = new TreeMap<>();
    Map<String, Map<String, Long>> bySplitAndScenario = new TreeMap<>();
    long total = 0;
    Dataset<Row> groups = judged ? records.groupBy("split", "scenario", "mode", "score", "verdict").count()
        : records.groupBy("split", "scenario").count().select(col("split"), col("scenario"), lit(null).cast("string").as("mode"),
            lit(null).cast("int").as("score"), lit(null).cast("string").as("verdict"), col("count"));
    for (Row r : groups.collectAsList()) {
      String split = r.getString(0);
      String scenario = r.getString(1);
      long n = r.getLong(5);
      total += n;
      bySplit.merge(split, n, Long::sum);
      byScenario.merge(scenario, n, Long::sum);
      if (!r.isNullAt(2)) {
        byMode.merge(r.getString(2), n, Long::sum);
      }
      if (!r.isNullAt(3)) {
        byScore.merge(Integer.toString(r.getInt(3)), n, Long::sum);
      }
      if (!r.isNullAt(4)) {
        byVerdict.merge(r.getString(4), n, Long::sum);
      }
      bySplitAndScenario.computeIfAbsent(split, k -> new TreeMap<>()).merge(scenario, n, Long::sum);
    }
    return new Manifest.SetCounts(task, total, bySplit, byScenario, byMode, byScore, byVerdict,
        new LinkedHashMap<>(bySplitAndScenario));
  }

}
