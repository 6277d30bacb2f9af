package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.NearDuplicates;
import io.judgeforge.jobs.spark.ReferenceReader;
import io.judgeforge.stage.generate.ReferenceChunker;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.jobs.spark.TeacherStep;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.generate.GenerationPlanner;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.InstructionValidator;
import io.judgeforge.stage.generate.InstructionWriter;
import io.judgeforge.stage.generate.ReferencePassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage generate: plans the generation calls (both methods), runs them, and validates and
 * de-duplicates what comes back. Steps: references (read and check the passages), teacher-calls
 * (one item per planned call), validate (one item per returned instruction).
 */
public final class GenerateJob {
  public static final String STAGE = "generate";
  static final String COPIES_REFERENCE = "copies_reference";
  private static final String ORIGIN = "origin";

  private GenerateJob() {}

  public static StageReport run(PipelineContext ctx) {
    long start = System.nanoTime();
    PipelineConfig config = ctx.config();

    StepOutput references = readReferences(ctx);
    long referenceCount = references.report().produced();
    // Kept with the run: the questioner set pairs each question with the passage it was written from.
    // With the earlier run's passages, which its carried instructions name.
    PreviousRun.withPassages(ctx, references.records()).write().mode(org.apache.spark.sql.SaveMode.Overwrite)
        .parquet(ctx.layout().passages());
    Dataset<Row> indexedReferences = indexed(ctx, references.records()).cache();

    GenerationPlanner planner = new GenerationPlanner(ctx.catalog(), config.generate(), ctx.seeds(), config.run().seed());
    InstructionWriter writer = new InstructionWriter(ctx.catalog(), ctx.prompts(), ctx.seeds(),
        ctx.teacher(config.teacher().temperature(), config.teacher().maxTokens()));
    // One set of clients for every round: the budget share and its ledger belong to the stage run,
    // so top-up rounds spend from what round 1 left rather than from a fresh share each.
    io.judgeforge.teacher.TeacherClients clients = ctx.clients(STAGE);
    List<StepOutput> steps = new ArrayList<>(List.of(references));
    // Instructions that need no call: imported ones, and those an earlier run generated. They are
    // validated with the new ones, so a new instruction that repeats one of them is the one removed.
    // Their origin ranks them (carried 0, imported 1, new 2): of duplicates, the earliest origin is kept.
    Dataset<Row> carried = null;
    List<StepOutput> inputs = java.util.Arrays.asList(PreviousRun.instructions(ctx), ImportedInstructions.read(ctx));
    for (int origin = 0; origin < inputs.size(); origin++) {
      StepOutput input = inputs.get(origin);
      if (input != null) {
        steps.add(input);
        Dataset<Row> ranked = input.records().withColumn(ORIGIN, lit(origin));
        carried = carried == null ? ranked : carried.unionByName(ranked);
      }
    }
    Map<String, Integer> callsMade = new java.util.HashMap<>(PreviousRun.callsMade(ctx));
    StepOutput validated = carried == null ? null : validate(ctx, carried);
    Map<String, Long> has = validated == null ? Map.of() : generatedByScenario(validated.records());
    Dataset<Row> generated = carried;
    // Round 1 asks for every quota's shortfall; each later round asks only for what validation
    // removed, until the quotas are met or generate.max-rounds is reached.
    for (int round = 1; round <= config.generate().maxRounds(); round++) {
      List<GenerationTask> plan = planner.plan(referenceCount, has, callsMade);
      if (round == 1 || !plan.isEmpty()) {
        sayPlan(ctx, plan, has, round);
      }
      if (plan.isEmpty()) {
        break;
      }
      plan.forEach(t -> callsMade.merge(t.scenario(), 1, Integer::sum));
      String step = round == 1 ? "teacher-calls" : "teacher-calls-" + round;
      StepOutput called = new TeacherStep<>(STAGE, step, GenerationTask.class, Instruction.class,
          (GenerationTask task, io.judgeforge.teacher.TeacherClients c) -> writer.write(task, c),
          GenerationTask::id, GenerationTask::scenario, clients, ctx.inFlight(config.teacher().endpoint()))
          .run(ctx.spark(), withReferences(ctx, plan, indexedReferences), ctx.layout(), ctx.partitions());
      steps.add(called);
      Dataset<Row> fresh = called.records().withColumn(ORIGIN, lit(2));
      generated = generated == null ? fresh : generated.unionByName(fresh);
      validated = validate(ctx, generated);
      has = generatedByScenario(validated.records());
    }
    if (validated == null) {
      RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
      validated = validate(ctx, ctx.spark().createDataFrame(List.<Row>of(), codec.schema()));
    }
    steps.add(validated);
    StageReport report = StageOutputs.write(ctx, STAGE, validated.records(), steps, start);
    PreviousRun.writeCallsMade(ctx, callsMade);
    return report;
  }

  /** Quotas count generated instructions only: imported ones are extra data, not a substitute for the design. */
  private static Map<String, Long> generatedByScenario(Dataset<Row> instructions) {
    return StepCounts.byScenario(instructions.filter(col("method").notEqual(lit(ImportedInstructions.METHOD))));
  }

  private static Dataset<Row> withReferences(PipelineContext ctx, List<GenerationTask> plan, Dataset<Row> indexedReferences) {
    RecordCodec<GenerationTask> taskCodec = RecordCodec.of(GenerationTask.class);
    List<Row> taskRows = new ArrayList<>();
    plan.forEach(t -> taskRows.add(taskCodec.toRow(t)));
    Dataset<Row> tasks = ctx.spark().createDataFrame(taskRows, taskCodec.schema());
    return tasks.drop("reference_id", "reference")
        .join(indexedReferences, col("reference_index").equalTo(col("ref_index")), "left")
        .select(taskColumns(taskCodec.schema()));
  }

  private static StepOutput readReferences(PipelineContext ctx) {
    RecordCodec<ReferencePassage> codec = RecordCodec.of(ReferencePassage.class);
    var inputs = ctx.config().inputs();
    Dataset<Row> raw = ReferenceReader.read(ctx.spark(), ctx.files(), ctx.referencesPath(), inputs.referencesFormat()).cache();
    org.apache.spark.sql.Column reason = when(col("_corrupt_record").isNotNull(), lit("malformed_json"))
        .when(col("id").isNull().or(trim(col("id")).equalTo("")), lit("missing_id"))
        .when(col("text").isNull().or(trim(col("text")).equalTo("")), lit("missing_text"));
    // A repeated id would make a passage ambiguous for every instruction that names it; the first by text is kept.
    Dataset<Row> checked = raw.withColumn("reason", reason)
        .withColumn("id_rank", row_number().over(Window.partitionBy(col("id"), col("reason").isNull()).orderBy(col("text"))))
        .withColumn("reason", coalesce(col("reason"), when(col("id_rank").gt(1), lit("duplicate_id"))));
    Dataset<Row> rejects = RejectRows.of(checked.filter(col("reason").isNotNull()), STAGE, "references",
        ItemStatus.QUARANTINED, col("id"), lit(null), col("reason"),
        when(col("reason").equalTo("duplicate_id"), lit("another inputs.references row has this id"))
            .otherwise(lit("an inputs.references row is unusable")),
        coalesce(col("_corrupt_record"), to_json(struct(col("id"), col("title"), col("topic"), col("text")))));
    Dataset<Row> good = checked.filter(col("reason").isNull()).select("id", "title", "topic", "text");
    ReferenceChunker chunker = new ReferenceChunker(inputs.chunkChars(), inputs.chunkOverlapChars());
    org.apache.spark.api.java.function.FlatMapFunction<Row, Row> cut = row -> chunker.chunks(codec.fromRow(row)).stream()
        .map(codec::toRow).iterator();
    Dataset<Row> chunks = good.flatMap(cut, org.apache.spark.sql.Encoders.row(codec.schema())).cache();
    long in = raw.count();
    long out = good.count();
    return new StepOutput(chunks, rejects, StepCounts.ofFilter("references", in, out, chunks.count(), rejects));
  }

  /** Passages numbered 0..n-1 in id order, so a task's reference index picks the same passage on every run. */
  private static Dataset<Row> indexed(PipelineContext ctx, Dataset<Row> passages) {
    JavaRDD<Row> rows = passages.select("id", "text").orderBy("id").javaRDD().zipWithIndex()
        .map(t -> RowFactory.create(t._2(), t._1().getString(0), t._1().getString(1)));
    StructType schema = new StructType().add("ref_index", DataTypes.LongType).add("ref_id", DataTypes.StringType)
        .add("ref_text", DataTypes.StringType);
    return ctx.spark().createDataFrame(rows, schema);
  }

  private static org.apache.spark.sql.Column[] taskColumns(StructType taskSchema) {
    List<org.apache.spark.sql.Column> cols = new ArrayList<>();
    for (String name : taskSchema.fieldNames()) {
      if (name.equals("reference_id")) {
        cols.add(col("ref_id").as(name));
      } else if (name.equals("reference")) {
        cols.add(col("ref_text").as(name));
      } else {
        cols.add(col(name));
      }
    }
    return cols.toArray(new org.apache.spark.sql.Column[0]);
  }

  private static StepOutput validate(PipelineContext ctx, Dataset<Row> instructions) {
    InstructionValidator validator = new InstructionValidator(ctx.config().generate().minWords(), ctx.config().generate().maxWords());
    UserDefinedFunction reject = udf((org.apache.spark.sql.api.java.UDF1<String, String>) text -> validator.reject(text).orElse(null),
        DataTypes.StringType);
    UserDefinedFunction normalize = udf((org.apache.spark.sql.api.java.UDF1<String, String>) InstructionValidator::normalized,
        DataTypes.StringType);
    String[] fields = RecordCodec.of(Instruction.class).schema().fieldNames();
    org.apache.spark.sql.Column[] instructionCols = java.util.Arrays.stream(fields).map(f -> col(f)).toArray(org.apache.spark.sql.Column[]::new);
    // Exact duplicates after normalisation, among the instructions no rule removed: the one of the
    // earliest origin, then the lowest id, is kept, so the choice does not depend on partitioning.
    Dataset<Row> ranked = java.util.Arrays.asList(instructions.columns()).contains(ORIGIN) ? instructions
        : instructions.withColumn(ORIGIN, lit(2));
    WindowSpec byKey = Window.partitionBy(col("norm_key"), col("rule").isNull()).orderBy("order_key");
    Dataset<Row> checked = withCopiedReference(ctx, ranked)
        .withColumn("order_key", org.apache.spark.sql.functions.concat(col(ORIGIN).cast("string"), lit(":"), col("id")))
        .withColumn("rule", coalesce(reject.apply(col("text")), col("copy_rule")))
        .withColumn("norm_key", normalize.apply(col("text")))
        .withColumn("dup_rank", when(col("rule").isNull(), row_number().over(byKey)))
        .withColumn("dup_of", first("id").over(byKey))
        .withColumn("reason", coalesce(col("rule"), when(col("dup_rank").gt(1), lit("duplicate"))))
        .cache();
    org.apache.spark.sql.Column[] keyedCols = java.util.Arrays.copyOf(instructionCols, instructionCols.length + 1);
    keyedCols[instructionCols.length] = col("order_key");
    Dataset<Row> unique = checked.filter(col("reason").isNull()).select(keyedCols).cache();
    var generate = ctx.config().generate();
    Dataset<Row> kept = unique;
    Dataset<Row> nearRejects = null;
    if (generate.nearDuplicateJaccard() > 0) {
      // Questions about the same material share it word for word; only the question is compared.
      // Compared by order key, so the near duplicate of the earliest origin is the one kept.
      Dataset<Row> questions = unique.select(col("order_key").as("id"), org.apache.spark.sql.functions.split(col("text"),
          java.util.regex.Pattern.quote(InstructionWriter.MATERIAL_MARKER)).getItem(0).as("text"));
      Dataset<Row> near = NearDuplicates.find(questions, generate.nearDuplicateJaccard(),
          generate.shingleWords(), ctx.config().run().seed())
          .withColumn("duplicate_of", org.apache.spark.sql.functions.regexp_replace(col("duplicate_of"), "^\\d+:", ""))
          .cache();
      kept = unique.join(near.select(col("id").as("near_key")), col("order_key").equalTo(col("near_key")), "left_anti");
      nearRejects = RejectRows.of(unique.join(near.withColumnRenamed("id", "near_key"), col("order_key").equalTo(col("near_key"))),
          STAGE, "validate", ItemStatus.FILTERED, col("id"), col("scenario"), lit("near_duplicate"),
          org.apache.spark.sql.functions.concat(lit("near-duplicate of "), col("duplicate_of"), lit(" (Jaccard "),
              org.apache.spark.sql.functions.format_number(col("jaccard"), 2), lit(")")),
          to_json(struct(instructionCols)));
    }
    Dataset<Row> rejects = RejectRows.of(checked.filter(col("reason").isNotNull()), STAGE, "validate", ItemStatus.FILTERED,
        col("id"), col("scenario"), col("reason"),
        when(col("reason").equalTo("duplicate"), org.apache.spark.sql.functions.concat(lit("duplicate of "), col("dup_of")))
            .when(col("reason").equalTo(COPIES_REFERENCE), col("copy_detail")),
        to_json(struct(instructionCols)));
    if (nearRejects != null) {
      rejects = rejects.unionByName(nearRejects);
    }
    kept = kept.select(instructionCols);
    long in = checked.count();
    long out = kept.count();
    return new StepOutput(kept, rejects, StepCounts.ofFilter("validate", in, out, rejects));
  }

  /** The plan as a quota table, printed before any call of the round is made. */
  /**
   * Adds {@code copy_rule} (copies_reference or null) and {@code copy_detail}: the share of the
   * question's word 8-grams found in its reference passage, over generate.max-reference-overlap.
   * Attached material is not part of the question, and exempt scenarios quote their reference on purpose.
   */
  private static Dataset<Row> withCopiedReference(PipelineContext ctx, Dataset<Row> instructions) {
    var generate = ctx.config().generate();
    UserDefinedFunction overlap = udf((org.apache.spark.sql.api.java.UDF2<String, String, Double>) (text, reference) ->
        io.judgeforge.stage.generate.ReferenceOverlap.share(text.split(java.util.regex.Pattern.quote(InstructionWriter.MATERIAL_MARKER))[0],
            reference), DataTypes.DoubleType);
    Dataset<Row> passages = ctx.spark().read().parquet(ctx.layout().passages())
        .select(col("id").as("passage_id"), col("text").as("passage_text"));
    org.apache.spark.sql.Column checkedScenario = col("reference_id").isNotNull()
        .and(col("intended_scenario").isin(generate.referenceOverlapExempt().toArray()).unary_$bang());
    return instructions.join(passages, col("reference_id").equalTo(col("passage_id")), "left")
        .withColumn("copy_share", when(checkedScenario, overlap.apply(col("text"), col("passage_text"))))
        .withColumn("copy_rule", when(col("copy_share").gt(generate.maxReferenceOverlap()), lit(COPIES_REFERENCE)))
        .withColumn("copy_detail", org.apache.spark.sql.functions.concat(lit("shares "),
            org.apache.spark.sql.functions.format_number(col("copy_share"), 2), lit(" of its 8-word sequences with "),
            col("reference_id")))
        .drop("passage_id", "passage_text");
  }

  private static void sayPlan(PipelineContext ctx, List<GenerationTask> plan, Map<String, Long> has, int round) {
    Map<String, int[]> perScenario = new TreeMap<>();
    for (GenerationTask t : plan) {
      int[] v = perScenario.computeIfAbsent(t.scenario(), k -> new int[2]);
      v[0]++;
      v[1] += t.count();
    }
    StringBuilder sb = new StringBuilder(round == 1 ? "[generate] plan: " + plan.size() + " teacher calls"
        : "[generate] round " + round + ", the shortfall after validation: " + plan.size() + " teacher calls");
    sb.append(String.format("%n    %-24s %-9s %7s %7s %9s %7s", "scenario", "method", "quota", "has", "to write", "calls"));
    for (io.judgeforge.scenario.Scenario scenario : ctx.catalog().scenarios()) {
      int[] v = perScenario.getOrDefault(scenario.id(), new int[2]);
      sb.append(String.format("%n    %-24s %-9s %7d %7d %9d %7d", scenario.id(), scenario.method().name().toLowerCase(),
          ctx.config().generate().quotaFor(scenario.id()), has.getOrDefault(scenario.id(), 0L), v[1], v[0]));
    }
    if (plan.isEmpty()) {
      sb.append("\n    every quota is met; no call to make");
    }
    ctx.progress().say(sb.toString());
  }
}
