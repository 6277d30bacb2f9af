package io.judgeforge.jobs.stage;

import io.judgeforge.stage.generate.Rejection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A core check's verdict on rows as two columns appended to them: {@code reason} and {@code detail}, null where kept. */
final class RejectionColumns {
    static final String REASON = "reason";
    static final String DETAIL = "detail";

    private RejectionColumns() {}

    static StructType appendedTo(StructType schema) {
        return schema.add(REASON, DataTypes.StringType).add(DETAIL, DataTypes.StringType);
    }

    /** Each of {@code rows} with its rejection; {@code fields} names the columns kept, in order. */
    static Iterator<Row> append(List<Row> rows, String[] fields, List<Optional<Rejection>> rejections) {
        List<Object[]> kept = new ArrayList<>();
        for (Row row : rows) {
            Object[] values = new Object[fields.length];
            for (int f = 0; f < fields.length; f++) {
                values[f] = row.getAs(fields[f]);
            }
            kept.add(values);
        }
        return withRejections(kept, rejections);
    }

    /** Each of {@code rows} (made without a schema, as a codec makes them) with its rejection, every column kept. */
    static Iterator<Row> append(List<Row> rows, List<Optional<Rejection>> rejections) {
        List<Object[]> kept = new ArrayList<>();
        for (Row row : rows) {
            Object[] values = new Object[row.size()];
            for (int f = 0; f < row.size(); f++) {
                values[f] = row.get(f);
            }
            kept.add(values);
        }
        return withRejections(kept, rejections);
    }

    private static Iterator<Row> withRejections(List<Object[]> rows, List<Optional<Rejection>> rejections) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] kept = rows.get(i);
            Object[] values = java.util.Arrays.copyOf(kept, kept.length + 2);
            Rejection rejection = rejections.get(i).orElse(null);
            values[kept.length] = rejection == null ? null : rejection.reason().code();
            values[kept.length + 1] = rejection == null ? null : rejection.detail();
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }
}
