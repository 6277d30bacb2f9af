package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.export.ClassifierExample;
import io.judgeforge.stage.export.ClassifierExamples;
import io.judgeforge.stage.export.JudgeExample;
import io.judgeforge.stage.export.QuestionerExample;
import io.judgeforge.stage.export.QuestionerExamples;
import io.judgeforge.stage.export.SplitAssigner;
import io.judgeforge.stage.export.TargetSpans;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.ChatMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The three fine-tuning sets the paper trains, each built as a step of the export stage with its
 * own accounting: the judge set (selected judge records), the scenario-classifier set (classified
 * instructions) and the questioner set (reference-based generation calls).
 */
final class FineTuningSets {
  static final String JUDGE = "judge";
  static final String CLASSIFIER = "classifier";
  static final String QUESTIONER = "questioner";

  /** One set's records, its step (rejects and accounting), and the line the manifest says it is for. */
  record Built(String name, String task, Dataset<Row> examples, StepOutput step) {}

  private FineTuningSets() {}

  static Built judge(PipelineContext ctx) {
    String step = JUDGE + "-set";
    Dataset<Row> selected = ctx.spark().read().parquet(ctx.layout().records(SelectJob.STAGE))
        .select(col("judgment_id"), col("ifd"));
    Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
    Dataset<Row> joined = selected.join(judgments, selected.col("judgment_id").equalTo(judgments.col("id")), "left");
    if (ctx.files().exists(ctx.layout().records(AugmentJob.STAGE))) {
      // Derived records of a record still selected; each carries its source's IFD, which it takes.
      Dataset<Row> augmented = ctx.spark().read().parquet(ctx.layout().records(AugmentJob.STAGE));
      Dataset<Row> derived = augmented.join(selected, augmented.col("source_id").equalTo(selected.col("judgment_id")),
          "left_semi").withColumn("judgment_id", col("id")).withColumn("ifd", col("source_ifd"));
      joined = joined.unionByName(derived.select(joined.columns()[0],
          java.util.Arrays.copyOfRange(joined.columns(), 1, joined.columns().length)));
    }
    joined = joined.cache();
    Dataset<Row> missing = rejects(joined.filter(col("id").isNull()), step, ItemStatus.QUARANTINED, col("judgment_id"),
        lit(null).cast("string"), lit("missing_judgment"), lit("selected record has no judge record"),
        to_json(struct(col("judgment_id"), col("ifd"))));

    RecordCodec<Judgment> judgmentCodec = RecordCodec.of(Judgment.class);
    RecordCodec<JudgeExample> exampleCodec = RecordCodec.of(JudgeExample.class);
    long seed = ctx.config().run().seed();
    double validationFraction = ctx.config().export().validationFraction();
    MapFunction<Row, Row> toExample = row -> {
      Judgment j = judgmentCodec.fromRow(row);
      double ifd = row.getDouble(row.fieldIndex("ifd"));
      return exampleCodec.toRow(new JudgeExample(
          List.of(ChatMessage.user(j.prompt()), ChatMessage.assistant(j.target())), TargetSpans.of(j.target()), j.id(),
          SplitAssigner.split(j.instructionId(), seed, validationFraction), j.scenario(), j.mode(), j.score(), j.verdict(),
          j.instructionId(), j.responseId(), j.answerModel(), j.responseIdB(), j.answerModelB(), j.pairId(), j.order(),
          j.referenceSource(), j.augmentation(), ifd, j.templateVersion(), j.teacherModel()));
    };
    Dataset<Row> found = joined.filter(col("id").isNotNull());
    Dataset<Row> examples = found.map(toExample, Encoders.row(exampleCodec.schema()));
    return new Built(JUDGE, "judge: a scenario-dependent evaluation prompt in (single-answer, reference-guided or pairwise),"
        + " the teacher's rationale and score or verdict out", examples,
        new StepOutput(examples, missing, StepCounts.ofFilter(step, joined.count(), found.count(), missing)));
  }

  /**
   * Every classified instruction whose label {@code export.classifier-labels} accepts; the rest are
   * filtered as label_disagreement. Splits follow the instruction, as in the judge set.
   */
  static Built classifier(PipelineContext ctx) {
    String step = CLASSIFIER + "-set";
    ClassifierLabels policy = ctx.config().export().classifierLabels();
    Dataset<Row> labelled = classified(ctx).withColumn("label", labelUdf(policy).apply(col("intended_scenario"),
        col("predicted_scenario"))).cache();
    Dataset<Row> disagree = rejects(labelled.filter(col("label").isNull()), step, ItemStatus.FILTERED, col("id"),
        col("scenario"), lit("label_disagreement"), disagreement(), instructionJson());

    RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
    RecordCodec<ClassifierExample> exampleCodec = RecordCodec.of(ClassifierExample.class);
    ClassifierExamples builder = new ClassifierExamples(ctx.catalog(), ctx.prompts(), policy);
    long seed = ctx.config().run().seed();
    double validationFraction = ctx.config().export().validationFraction();
    MapFunction<Row, Row> toExample = row -> {
      Instruction i = codec.fromRow(row);
      return exampleCodec.toRow(builder.example(i, row.getString(row.fieldIndex("label")),
          SplitAssigner.split(i.id(), seed, validationFraction)));
    };
    Dataset<Row> kept = labelled.filter(col("label").isNotNull());
    Dataset<Row> examples = kept.map(toExample, Encoders.row(exampleCodec.schema()));
    return new Built(CLASSIFIER, "classifier: an instruction and the scenario list in, one scenario id out",
        examples, new StepOutput(examples, disagree, StepCounts.ofFilter(step, labelled.count(), kept.count(), disagree)));
  }

  /**
   * One record per reference-based generation call, from its questions that keep their scenario
   * (see QuestionerExamples#keeps) and the passage it was written from. Splits follow the source
   * document of the passage.
   */
  static Built questioner(PipelineContext ctx) {
    String step = QUESTIONER + "-set";
    ClassifierLabels policy = ctx.config().export().classifierLabels();
    Dataset<Row> referenceBased = classified(ctx).filter(col("method").equalTo("reference"));
    if (!ctx.files().exists(ctx.layout().passages())) {
      throw new io.judgeforge.config.ConfigException("No passages at " + ctx.layout().passages() + ": this run was generated"
          + " by an older version, which did not keep them; run the generate stage again to export the questioner set");
    }
    Dataset<Row> passages = ctx.spark().read().parquet(ctx.layout().passages())
        .select(col("id").as("passage_id"), col("text").as("passage"));
    UserDefinedFunction keeps = udf((org.apache.spark.sql.api.java.UDF2<String, String, Boolean>) (intended, predicted) ->
        QuestionerExamples.keeps(intended, predicted, policy), DataTypes.BooleanType);
    Dataset<Row> checked = referenceBased
        .withColumn("keep", keeps.apply(col("intended_scenario"), col("predicted_scenario")))
        .join(passages, col("reference_id").equalTo(col("passage_id")), "left").cache();
    Column agrees = col("keep");
    Dataset<Row> disagree = rejects(checked.filter(org.apache.spark.sql.functions.not(agrees)), step, ItemStatus.FILTERED,
        col("id"), col("scenario"), lit("label_disagreement"), disagreement(), instructionJson());
    Dataset<Row> noPassage = rejects(checked.filter(agrees.and(col("passage").isNull())), step, ItemStatus.QUARANTINED,
        col("id"), col("scenario"), lit("missing_reference"),
        concat(lit("no passage "), col("reference_id"), lit(" under "), lit(ctx.layout().passages())), instructionJson());
    Dataset<Row> kept = checked.filter(agrees.and(col("passage").isNotNull()));

    RecordCodec<Instruction> codec = RecordCodec.of(Instruction.class);
    RecordCodec<QuestionerExample> exampleCodec = RecordCodec.of(QuestionerExample.class);
    QuestionerExamples builder = new QuestionerExamples(ctx.catalog(), ctx.prompts(), policy);
    long seed = ctx.config().run().seed();
    double validationFraction = ctx.config().export().validationFraction();
    MapGroupsFunction<String, Row, Row> toExample = (taskId, rows) -> {
      List<Instruction> questions = new ArrayList<>();
      String passage = null;
      while (rows.hasNext()) {
        Row row = rows.next();
        questions.add(codec.fromRow(row));
        passage = row.getString(row.fieldIndex("passage"));
      }
      Instruction first = questions.get(0);
      return exampleCodec.toRow(builder.example(taskId, first.intendedScenario(), first.referenceId(), passage, questions,
          SplitAssigner.split(QuestionerExamples.document(first.referenceId()), seed, validationFraction)));
    };
    Dataset<Row> examples = kept.groupByKey((MapFunction<Row, String>) r -> r.getString(r.fieldIndex("task_id")),
        Encoders.STRING()).mapGroups(toExample, Encoders.row(exampleCodec.schema()));
    Dataset<Row> rejected = disagree.unionByName(noPassage);
    long out = kept.count();
    return new Built(QUESTIONER, "questioner: a scenario and a reference passage in, a numbered list of questions out",
        examples, new StepOutput(examples, rejected, StepCounts.ofFilter(step, checked.count(), out, examples.count(), rejected)));
  }

  private static Dataset<Row> classified(PipelineContext ctx) {
    return ctx.spark().read().parquet(ctx.layout().records(ClassifyJob.STAGE));
  }

  private static UserDefinedFunction labelUdf(ClassifierLabels policy) {
    return udf((org.apache.spark.sql.api.java.UDF2<String, String, String>) (intended, predicted) ->
        ClassifierExamples.label(intended, predicted, policy).orElse(null), DataTypes.StringType);
  }

  private static Column disagreement() {
    return concat(lit("written for "), col("intended_scenario"), lit(", classified as "), col("predicted_scenario"));
  }

  private static Column instructionJson() {
    String[] fields = RecordCodec.of(Instruction.class).schema().fieldNames();
    return to_json(struct(Arrays.stream(fields).map(f -> col(f)).toArray(Column[]::new)));
  }

  private static Dataset<Row> rejects(Dataset<Row> rows, String step, ItemStatus status, Column itemId, Column scenario,
      Column reason, Column detail, Column input) {
    return io.judgeforge.jobs.spark.RejectRows.of(rows, ExportJob.STAGE, step, status, itemId, scenario, reason, detail, input);
  }
}
