package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import io.judgeforge.config.ConfigException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads reference passages from JSONL, Parquet, CSV (with a header) or a folder of text files, into
 * the columns {@code id, title, topic, text, _corrupt_record}. A text file is one passage whose id
 * and title are its file name. Rows that cannot be used are left for the caller to quarantine.
 */
public final class ReferenceReader {
  public static final List<String> FORMATS = List.of("auto", "jsonl", "parquet", "csv", "text");

  private ReferenceReader() {}

  public static Dataset<Row> read(SparkSession spark, HadoopFiles files, String path, String format) {
    String resolved = format.equals("auto") ? detect(files, path) : format;
    return switch (resolved) {
      case "jsonl" -> spark.read().schema(new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
              .add("topic", DataTypes.StringType).add("text", DataTypes.StringType).add("_corrupt_record", DataTypes.StringType))
          .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record").json(path);
      case "parquet" -> byName(spark.read().parquet(path), path);
      case "csv" -> byName(spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .option("mode", "PERMISSIVE").csv(path), path);
      case "text" -> spark.read().option("wholetext", true).text(path)
          .select(regexp_extract(col("_metadata.file_name"), "^(.*?)(\\.[^.]*)?$", 1).as("id"),
              regexp_extract(col("_metadata.file_name"), "^(.*?)(\\.[^.]*)?$", 1).as("title"),
              lit(null).cast("string").as("topic"), col("value").as("text"), lit(null).cast("string").as("_corrupt_record"));
      default -> throw new ConfigException("Invalid value for 'inputs.references-format': '" + format + "' (expected one of "
          + FORMATS + ")");
    };
  }

  private static Dataset<Row> byName(Dataset<Row> df, String path) {
    List<String> columns = Arrays.asList(df.columns());
    if (!columns.contains("id") || !columns.contains("text")) {
      throw new ConfigException("The references at " + path + " need columns 'id' and 'text' (found " + columns + ")");
    }
    Column title = columns.contains("title") ? col("title").cast("string") : lit(null).cast("string");
    Column topic = columns.contains("topic") ? col("topic").cast("string") : lit(null).cast("string");
    return df.select(col("id").cast("string").as("id"), title.as("title"), topic.as("topic"), col("text").cast("string").as("text"),
        lit(null).cast("string").as("_corrupt_record"));
  }

  /** By the file's extension, or for a folder by the files in it. */
  static String detect(HadoopFiles files, String path) {
    String name = path.toLowerCase();
    if (isDirectory(files, path)) {
      for (FileStatus f : files.list(path)) {
        String child = f.getPath().getName().toLowerCase();
        if (child.startsWith(".") || child.startsWith("_")) {
          continue;
        }
        String found = byExtension(child);
        if (found != null) {
          return found;
        }
      }
      throw new ConfigException("Cannot tell the format of the references in " + path
          + " (no .jsonl, .json, .parquet, .csv, .txt or .md files); set inputs.references-format");
    }
    String found = byExtension(name);
    if (found == null) {
      throw new ConfigException("Cannot tell the format of " + path + " from its name; set inputs.references-format");
    }
    return found;
  }

  private static boolean isDirectory(HadoopFiles files, String path) {
    try {
      return files.fs(path).getFileStatus(new org.apache.hadoop.fs.Path(path)).isDirectory();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static String byExtension(String name) {
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return "jsonl";
    }
    if (name.endsWith(".parquet")) {
      return "parquet";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    if (name.endsWith(".txt") || name.endsWith(".md")) {
      return "text";
    }
    return null;
  }
}
