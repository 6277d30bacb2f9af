package io.judgeforge.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.judgeforge.jobs.spark.RecordCodec;
import io.judgeforge.jobs.spark.RejectRows;
import io.judgeforge.jobs.spark.StepCounts;
import io.judgeforge.jobs.spark.StepOutput;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.stage.augment.Augmentations;
import io.judgeforge.stage.augment.Augmentations.Operation;
import io.judgeforge.stage.augment.JudgmentAugmenter;
import io.judgeforge.stage.judge.Judgment;
import java.util.Arrays;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One operation's step of stage augment: each chosen judgment (with its IFD) either makes a derived
 * record or is filtered with the reason {@link JudgmentAugmenter} skipped it.
 */
final class AugmentStep {
    private AugmentStep() {}

    static StepOutput apply(Dataset<Row> chosen, Operation operation, Augmentations augmentations) {
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
                AugmentJob.STAGE,
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
