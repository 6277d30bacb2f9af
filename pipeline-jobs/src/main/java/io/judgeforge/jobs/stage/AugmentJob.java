package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.augment.Augmentations;
import io.judgeforge.stage.augment.Augmentations.Operation;
import io.judgeforge.stage.augment.JudgmentAugmenter;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.ParaphraseFile;
import io.judgeforge.stage.judge.Judgment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage augment: custom-prompt augmentation (paper section 8.2) of the selected pointwise judgments,
 * with no teacher call. One step per operation of {@link Augmentations}: the records its seeded share
 * takes are its input, and each makes a derived record (carrying its source's id and IFD) or is
 * filtered with the reason it could not. The down-sampling regression is fitted first, on the same
 * records ({@link AugmentRegression}).
 */
public final class AugmentJob {
    public static final String STAGE = "augment";

    private AugmentJob() {}

    public static StageReport run(PipelineContext ctx) {
        long start = System.nanoTime();
        PipelineConfig.Augment settings = ctx.config().augment();
        long seed = ctx.config().run().seed();
        Dataset<Row> selected = ctx.spark()
                .read()
                .parquet(ctx.layout().records(SelectJob.STAGE))
                .select(col("judgment_id"), col("ifd"));
        Dataset<Row> judgments = ctx.spark().read().parquet(ctx.layout().records(JudgeJob.STAGE));
        Dataset<Row> pointwise = judgments
                .join(selected, judgments.col("id").equalTo(selected.col("judgment_id")))
                .filter(col("mode").notEqual("pairwise"))
                .cache();
        Augmentations augmentations = new Augmentations(
                settings,
                seed,
                new JudgmentAugmenter(
                        ctx.catalog(),
                        seed,
                        ctx.config().judge().minScore(),
                        ctx.config().judge().maxScore()),
                paraphrases(ctx, settings),
                AugmentRegression.fit(ctx, pointwise, settings, seed));
        List<StepOutput> steps = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            Column taken = udf((UDF1<String, Boolean>) id -> augmentations.takes(operation, id), DataTypes.BooleanType)
                    .apply(col("id"));
            steps.add(apply(pointwise.filter(taken), operation, augmentations));
        }
        Dataset<Row> records = steps.stream()
                .map(StepOutput::records)
                .reduce(Dataset::unionByName)
                .orElseThrow();
        return StageOutputs.write(ctx, STAGE, records, steps, start);
    }

    private static Map<String, List<Paraphrase>> paraphrases(PipelineContext ctx, PipelineConfig.Augment settings) {
        if (settings.paraphrase() == 0) {
            return Map.of();
        }
        String file = HadoopFiles.resolve(ctx.configDir(), settings.paraphrases());
        return ParaphraseFile.parse(ctx.files().readText(file), file);
    }

    private static StepOutput apply(Dataset<Row> chosen, Operation operation, Augmentations augmentations) {
        RecordCodec<Judgment> codec = RecordCodec.of(Judgment.class);
        StructType schema =
                codec.schema().add("skip_reason", DataTypes.StringType).add("skip_detail", DataTypes.StringType);
        MapFunction<Row, Row> each = row -> {
            Judgment source = codec.fromRow(row);
            JudgmentAugmenter.Result result =
                    augmentations.apply(operation, source, row.getDouble(row.fieldIndex("ifd")));
            Row made = codec.toRow(result instanceof JudgmentAugmenter.Made m ? m.judgment() : source);
            Object[] values = new Object[made.length() + 2];
            for (int i = 0; i < made.length(); i++) {
                values[i] = made.get(i);
            }
            if (result instanceof JudgmentAugmenter.Skipped s) {
                values[made.length()] = s.reason().code();
                values[made.length() + 1] = s.detail();
            }
            return RowFactory.create(values);
        };
        Dataset<Row> done = chosen.map(each, Encoders.row(schema)).cache();
        Dataset<Row> made = done.filter(col("skip_reason").isNull())
                .select(Arrays.stream(codec.schema().fieldNames())
                        .map(f -> col(f))
                        .toArray(Column[]::new));
        Dataset<Row> rejects = RejectRows.of(
                done.filter(col("skip_reason").isNotNull()),
                STAGE,
                operation.code(),
                ItemStatus.FILTERED,
                col("id"),
                col("scenario"),
                col("skip_reason"),
                col("skip_detail"),
                to_json(struct(col("id"), col("scenario"), col("mode"), col("score"))));
        return new StepOutput(
                made, rejects, StepCounts.ofFilter(operation.code(), done.count(), made.count(), rejects));
    }
}
