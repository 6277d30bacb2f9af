package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.judgeforge.table.FileNames;
import io.judgeforge.table.TableFormat;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads reference passages from JSONL, Parquet, CSV (with a header) or a folder of text files, into
 * the columns {@code id, title, topic, text, _corrupt_record, _wrong_type} (see {@link InputTable}). A text file is one passage whose id
 * and title are its file name without its extension. Rows that cannot be used are left for the caller
 * to quarantine.
 */
public final class ReferenceReader {
    private static final InputTable TABLE =
            new InputTable("references", "inputs.references-format", List.of("id", "text"), List.of("title", "topic"));

    private ReferenceReader() {}

    public static Dataset<Row> read(SparkSession spark, HadoopFiles files, String path, String format) {
        TableFormat resolved = TABLE.format(files, path, format);
        if (resolved == TableFormat.TEXT) {
            Column name = udf((UDF1<String, String>) FileNames::withoutExtension, DataTypes.StringType)
                    .apply(col("_metadata.file_name"));
            return spark.read()
                    .option("wholetext", true)
                    .text(path)
                    .select(
                            name.as("id"),
                            name.as("title"),
                            lit(null).cast("string").as("topic"),
                            col("value").as("text"),
                            lit(null).cast("string").as(InputTable.CORRUPT),
                            lit(null).cast("string").as(InputTable.WRONG_TYPE));
        }
        return TABLE.read(spark, path, resolved)
                .select("id", "title", "topic", "text", InputTable.CORRUPT, InputTable.WRONG_TYPE);
    }
}
