package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.export.SplitAssigner;
import io.judgeforge.stage.generate.Instruction;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The three fine-tuning sets the paper trains, each built as a step of the export stage with its
 * own accounting: the judge set (JudgeSet, selected judge records), the scenario-classifier set
 * (ClassifierSet, classified instructions) and the questioner set (QuestionerSet, reference-based
 * generation calls). What a record holds, which items a set keeps and which split they land in are
 * the core's rules (io.judgeforge.stage.export); the set classes read, join and map around them.
 */
final class FineTuningSets {
    static final String JUDGE = "judge";
    static final String CLASSIFIER = "classifier";
    static final String QUESTIONER = "questioner";

    /** One set's records, its step (rejects and accounting), and the line the manifest says it is for. */
    record Built(String name, String task, Dataset<Row> examples, StepOutput step) {

        /** A set of one record per kept item: {@code kept} of the step's {@code in}, the rest in {@code rejects}. */
        static Built perItem(
                String name,
                String task,
                Dataset<Row> in,
                Dataset<Row> kept,
                Dataset<Row> examples,
                Dataset<Row> rejects) {
            return new Built(
                    name,
                    task,
                    examples,
                    new StepOutput(
                            examples, rejects, StepCounts.ofFilter(stepName(name), in.count(), kept.count(), rejects)));
        }
    }

    private FineTuningSets() {}

    /** The judge set first: it is the export stage's own records. */
    static List<Built> all(PipelineContext ctx) {
        return List.of(JudgeSet.build(ctx), ClassifierSet.build(ctx), QuestionerSet.build(ctx));
    }

    /** The name of a set's step in the export stage's report. */
    static String stepName(String set) {
        return set + "-set";
    }

    static SplitAssigner splits(PipelineContext ctx) {
        return new SplitAssigner(
                ctx.config().run().seed(), ctx.config().export().validationFraction());
    }

    static Dataset<Row> classified(PipelineContext ctx) {
        return ctx.spark().read().parquet(ctx.layout().records(ClassifyJob.STAGE));
    }

    /** The detail of a label_disagreement: the two labels, or null when one is missing. */
    static Column disagreement() {
        return concat(
                lit("written for "), col("intended_scenario"), lit(", classified as "), col("predicted_scenario"));
    }

    /** A rejected instruction's input: its own fields as JSON. */
    static Column instructionJson() {
        String[] fields = RecordCodec.of(Instruction.class).schema().fieldNames();
        return to_json(struct(Arrays.stream(fields).map(f -> col(f)).toArray(Column[]::new)));
    }

    /** {@code rows} as a set's records, one {@code type} each. */
    static <E extends Record> Dataset<Row> examples(Dataset<Row> rows, Class<E> type, MapFunction<Row, E> example) {
        RecordCodec<E> codec = RecordCodec.of(type);
        return rows.map((MapFunction<Row, Row>) row -> codec.toRow(example.call(row)), Encoders.row(codec.schema()));
    }

    static Dataset<Row> rejects(
            Dataset<Row> rows,
            String step,
            ItemStatus status,
            Column itemId,
            Column scenario,
            Column reason,
            Column detail,
            Column input) {
        return RejectRows.of(rows, ExportJob.STAGE, step, status, itemId, scenario, reason, detail, input);
    }

    /** The instructions of {@code rows} filtered from a set because their label policy disagrees, as rejects of {@code step}. */
    static Dataset<Row> disagreements(Dataset<Row> rows, String step) {
        return rejects(
                rows,
                step,
                ItemStatus.FILTERED,
                col("id"),
                col("scenario"),
                lit(RejectReason.LABEL_DISAGREEMENT.code()),
                disagreement(),
                instructionJson());
    }
}
