package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads reference passages from JSONL, Parquet, CSV (with a header) or a folder of text files, into
 * the columns {@code id, title, topic, text, _corrupt_record}. A text file is one passage whose id
 * and title are its file name. Rows that cannot be used are left for the caller to quarantine.
 */
public final class ReferenceReader {
  public static final List<String> FORMATS = List.of("auto", "jsonl", "parquet", "csv", "text");
  private static final InputTable TABLE = new InputTable("references", "inputs.references-format", List.of("id", "text"),
      List.of("title", "topic"));

  private ReferenceReader() {}

  public static Dataset<Row> read(SparkSession spark, HadoopFiles files, String path, String format) {
    String resolved = format.equals("auto") ? TABLE.detect(files, path) : format;
    if (resolved.equals("text")) {
      return spark.read().option("wholetext", true).text(path)
          .select(regexp_extract(col("_metadata.file_name"), "^(.*?)(\\.[^.]*)?$", 1).as("id"),
              regexp_extract(col("_metadata.file_name"), "^(.*?)(\\.[^.]*)?$", 1).as("title"),
              lit(null).cast("string").as("topic"), col("value").as("text"), lit(null).cast("string").as(InputTable.CORRUPT));
    }
    return TABLE.read(spark, files, path, resolved).select("id", "title", "topic", "text", InputTable.CORRUPT);
  }
}
