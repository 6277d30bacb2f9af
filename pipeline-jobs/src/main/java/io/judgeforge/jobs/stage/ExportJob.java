package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.json.Json;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.export.JudgeExample;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.export.ShardInfo;
import io.judgeforge.stage.export.SplitAssigner;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.ChatMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Stage export: turns the selected judge records into chat-format fine-tuning records, split by
 * instruction, and publishes them as a dataset version: JSONL shards under
 * {@code OUT/datasets/<version>/judge/{train,validation}/part-NNNNN.jsonl} and a {@code manifest.json}.
 * The version is assembled in a staging folder and renamed into place, and {@code LATEST} is
 * replaced after that, so a crash never leaves a half-written version behind LATEST.
 */
public final class ExportJob {
  public static final String STAGE = "export";
  public static final String JUDGE_SET = "judge";
  static final List<String> UPSTREAM = List.of(GenerateJob.STAGE, ClassifyJob.STAGE, RespondJob.STAGE, JudgeJob.STAGE,
      ScoreJob.STAGE, SelectJob.STAGE);

  private ExportJob() {}

  /** The published version's folder. */
  public static String run(PipelineContext ctx) {
    long start = System.nanoTime();
    String version = ctx.config().export().version().isEmpty() ? ctx.layout().runId() : ctx.config().export().version();
    String target = ctx.layout().datasets() + "/" + version;
    if (ctx.files().exists(target)) {
      throw new io.judgeforge.config.ConfigException("Dataset version " + version + " already exists at " + target
          + "; set export.version to a new name");
    }

    Dataset<Row> selected = ctx.spark().read().parquet(ctx.layout().records(SelectJob.STAGE))
        .select(col("judgment_id"), col("ifd"));
    Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
    Dataset<Row> joined = selected.join(judgments, selected.col("judgment_id").equalTo(judgments.col("id")), "left").cache();
    Dataset<Row> missing = joined.filter(col("id").isNull())
        .select(lit(STAGE).as("stage"), lit("format").as("step"), lit(ItemStatus.QUARANTINED.code()).as("status"),
            col("judgment_id").as("item_id"), lit(null).cast("string").as("scenario"), lit("missing_judgment").as("reason"),
            lit("selected record has no judge record").as("detail"), to_json(struct(col("judgment_id"), col("ifd"))).as("input"));

    RecordCodec<Judgment> judgmentCodec = RecordCodec.of(Judgment.class);
    RecordCodec<JudgeExample> exampleCodec = RecordCodec.of(JudgeExample.class);
    long seed = ctx.config().run().seed();
    double validationFraction = ctx.config().export().validationFraction();
    MapFunction<Row, Row> toExample = row -> {
      Judgment j = judgmentCodec.fromRow(row);
      double ifd = row.getDouble(row.fieldIndex("ifd"));
      return exampleCodec.toRow(new JudgeExample(
          List.of(ChatMessage.user(j.prompt()), ChatMessage.assistant(j.output())), j.id(),
          SplitAssigner.split(j.instructionId(), seed, validationFraction), j.scenario(), j.mode(), j.score(),
          j.instructionId(), j.responseId(), j.answerModel(), ifd, j.templateVersion(), j.teacherModel()));
    };
    Dataset<Row> examples = joined.filter(col("id").isNotNull()).map(toExample, Encoders.row(exampleCodec.schema()));
    StepOutput format = new StepOutput(examples, missing,
        StepCounts.ofFilter("format", joined.count(), joined.filter(col("id").isNotNull()).count(), missing));
    StageReport report = StageOutputs.write(ctx, STAGE, examples, List.of(format), start);

    Dataset<Row> written = ctx.spark().read().parquet(ctx.layout().records(STAGE)).cache();
    if (written.isEmpty()) {
      throw new IllegalStateException("Nothing to publish: the judge set has 0 records after selection (stage reports"
          + " under " + ctx.layout().run() + " say where they went); LATEST is unchanged");
    }
    String staging = ctx.layout().datasets() + "/.staging-" + version + "-" + System.currentTimeMillis();
    List<ShardInfo> shards = new ArrayList<>();
    for (String split : List.of(SplitAssigner.TRAIN, SplitAssigner.VALIDATION)) {
      shards.addAll(writeShards(ctx, written.filter(col("split").equalTo(split)), staging, JUDGE_SET, split));
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
        ctx.configSha256(), Map.of(JUDGE_SET, setCounts(written)), shards, stages,
        new Manifest.Totals(calls, stored, promptTokens, completionTokens, costUsd, wallMs, reconciled),
        new Manifest.BudgetUse(ctx.config().budget().maxUsd(), ctx.config().budget().maxTokens(), costUsd,
            promptTokens + completionTokens, budgetStopped));
    ctx.files().writeText(staging + "/manifest.json", Json.write(manifest));

    ctx.files().rename(staging, target);
    ctx.files().replaceText(ctx.layout().latest(), version + "\n");
    written.unpersist();
    ctx.progress().say("[export] published " + target + " (" + shards.size() + " shards); LATEST -> " + version);
    return target;
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
    records.orderBy("id").repartition(shardCount).sortWithinPartitions("id")
        .write().mode(SaveMode.ErrorIfExists).option("maxRecordsPerFile", perShard).json(sparkDir);
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

  // Streams the shard once to count its lines and hash it; nothing is held in memory.
  private static ShardInfo describe(PipelineContext ctx, String path, String relative, String set, String split) {
    try (InputStream raw = ctx.files().open(path);
        DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
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
      return new ShardInfo(relative, set, split, lines, bytes, HexFormat.of().formatHex(in.getMessageDigest().digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read shard " + path, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Manifest.SetCounts setCounts(Dataset<Row> records) {
    Map<String, Long> bySplit = new TreeMap<>();
    Map<String, Long> byScenario = new TreeMap<>();
    Map<String, Long> byScore = new TreeMap<>();
    Map<String, Map<String, Long>> bySplitAndScenario = new TreeMap<>();
    long total = 0;
    for (Row r : records.groupBy("split", "scenario", "score").count().collectAsList()) {
      String split = r.getString(0);
      String scenario = r.getString(1);
      String score = Integer.toString(r.getInt(2));
      long n = r.getLong(3);
      total += n;
      bySplit.merge(split, n, Long::sum);
      byScenario.merge(scenario, n, Long::sum);
      byScore.merge(score, n, Long::sum);
      bySplitAndScenario.computeIfAbsent(split, k -> new TreeMap<>()).merge(scenario, n, Long::sum);
    }
    return new Manifest.SetCounts(total, bySplit, byScenario, byScore, new LinkedHashMap<>(bySplitAndScenario));
  }
}
