package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.InputTable;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.ReferenceReader;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.PassageCap;
import io.judgeforge.stage.generate.ReferenceChecks;
import io.judgeforge.stage.generate.ReferenceChunker;
import io.judgeforge.stage.generate.ReferencePassage;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The reference passages of stage generate. Step references reads {@code inputs.references}, quarantines
 * the rows {@link ReferenceChecks} rejects and cuts the others into passages; step passages keeps each
 * document's first {@code inputs.max-chunks-per-document} and filters the rest ({@link PassageCap}); a planned
 * task is then given the passage its reference index picks.
 */
final class ReferencesStep {
    private static final String ROW = "_row";

    private ReferencesStep() {}

    private static ReferenceChecks.Input input(Row r) {
        return new ReferenceChecks.Input(
                r.getAs(InputTable.CORRUPT) != null,
                r.<String>getAs(InputTable.WRONG_TYPE),
                r.<String>getAs("id"),
                r.<String>getAs("text"));
    }

    /**
     * Steps references (in: rows, out: the rows kept, produced: their passages) and passages (in: those passages,
     * out: the ones within the cap); the last one's records are the run's passages.
     */
    static List<StepOutput> read(PipelineContext ctx) {
        var inputs = ctx.config().inputs();
        Dataset<Row> raw = ReferenceReader.read(
                        ctx.spark(), ctx.files(), ctx.referencesPath(), inputs.referencesFormat())
                .cache();
        String[] fields = raw.columns();
        FlatMapGroupsFunction<String, Row, Row> check = (key, group) -> {
            List<Row> rows = new ArrayList<>();
            group.forEachRemaining(rows::add);
            return RejectionColumns.append(
                    rows,
                    fields,
                    ReferenceChecks.check(
                            rows.stream().map(ReferencesStep::input).toList()));
        };
        // Rows that share an id are checked together. A row unusable on its own (no id, no text, not JSON) is its
        // own group: a file of id-less rows must not become one group held by one task.
        MapFunction<Row, String> byId =
                r -> ReferenceChecks.usableAlone(input(r)) ? "id:" + r.getAs("id") : "row:" + r.getAs(ROW);
        Dataset<Row> checked = raw.withColumn(ROW, monotonically_increasing_id())
                .groupByKey(byId, Encoders.STRING())
                .flatMapGroups(check, Encoders.row(RejectionColumns.appendedTo(raw.schema())));
        Dataset<Row> rejects =
                rejected(checked, "references", ItemStatus.QUARANTINED, coalesce(col(InputTable.CORRUPT), rowJson()));
        Dataset<Row> good =
                checked.filter(col(RejectionColumns.REASON).isNull()).select("id", "title", "topic", "text");
        RecordCodec<ReferencePassage> codec = RecordCodec.of(ReferencePassage.class);
        ReferenceChunker chunker = new ReferenceChunker(inputs.chunkChars(), inputs.chunkOverlapChars());
        PassageCap cap = new PassageCap(inputs.maxChunksPerDocument());
        StructType capped = RejectionColumns.appendedTo(codec.schema());
        FlatMapFunction<Row, Row> cutAndCap = row -> {
            ReferencePassage document = codec.fromRow(row);
            List<ReferencePassage> chunks = chunker.chunks(document);
            return RejectionColumns.append(
                    chunks.stream().map(codec::toRow).toList(), cap.check(document.id(), chunks.size()));
        };
        Dataset<Row> chunks = good.flatMap(cutAndCap, Encoders.row(capped)).cache();
        Dataset<Row> overCap = rejected(chunks, "passages", ItemStatus.FILTERED, rowJson());
        Dataset<Row> kept = chunks.filter(col(RejectionColumns.REASON).isNull())
                .drop(RejectionColumns.REASON, RejectionColumns.DETAIL);
        long in = raw.count();
        long cut = chunks.count();
        StepOutput references =
                new StepOutput(kept, rejects, StepCounts.ofFilter("references", in, good.count(), cut, rejects));
        StepOutput passages =
                new StepOutput(kept, overCap, StepCounts.ofFilter("passages", cut, kept.count(), overCap));
        return List.of(references, passages);
    }

    /** The rows of {@code checked} with a rejection, as RejectedRecord rows of {@code step}. */
    private static Dataset<Row> rejected(Dataset<Row> checked, String step, ItemStatus status, Column input) {
        return RejectRows.of(
                checked.filter(col(RejectionColumns.REASON).isNotNull()),
                GenerateJob.STAGE,
                step,
                status,
                col("id"),
                lit(null),
                col(RejectionColumns.REASON),
                col(RejectionColumns.DETAIL),
                input);
    }

    /** A reference row's content as JSON: what a reject shows as its input, and what a refresh hashes. */
    static Column rowJson() {
        return to_json(struct(col("id"), col("title"), col("topic"), col("text")));
    }

    /** Passages numbered 0..n-1 in id order, so a task's reference index picks the same passage on every run. */
    static Dataset<Row> indexed(PipelineContext ctx, Dataset<Row> passages) {
        JavaRDD<Row> rows = passages.select("id", "text")
                .orderBy("id")
                .javaRDD()
                .zipWithIndex()
                .map(t -> RowFactory.create(t._2(), t._1().getString(0), t._1().getString(1)));
        StructType schema = new StructType()
                .add("ref_index", DataTypes.LongType)
                .add("ref_id", DataTypes.StringType)
                .add("ref_text", DataTypes.StringType);
        return ctx.spark().createDataFrame(rows, schema);
    }

    /** The tasks of {@code plan}, each with the passage of {@link #indexed} its reference index picks. */
    static Dataset<Row> withPassages(PipelineContext ctx, List<GenerationTask> plan, Dataset<Row> indexedPassages) {
        RecordCodec<GenerationTask> taskCodec = RecordCodec.of(GenerationTask.class);
        Dataset<Row> tasks =
                ctx.spark().createDataFrame(plan.stream().map(taskCodec::toRow).toList(), taskCodec.schema());
        List<Column> columns = new ArrayList<>();
        for (String name : taskCodec.schema().fieldNames()) {
            columns.add(
                    name.equals("reference_id")
                            ? col("ref_id").as(name)
                            : name.equals("reference") ? col("ref_text").as(name) : col(name));
        }
        return tasks.drop("reference_id", "reference")
                .join(indexedPassages, col("reference_index").equalTo(col("ref_index")), "left")
                .select(columns.toArray(Column[]::new));
    }
}
