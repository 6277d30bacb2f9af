package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.judgeforge.config.ConfigException;
import java.util.ArrayList;
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
 * Reads a user's input table from JSONL, Parquet or CSV (with a header) into string columns: the
 * {@code required} ones, the {@code optional} ones (null where absent) and {@code _corrupt_record}
 * (a JSONL line that does not parse; null otherwise). Rows that cannot be used are left for the
 * caller to quarantine with a reason; a file without a required column is a configuration error.
 */
public record InputTable(String what, String formatKey, List<String> required, List<String> optional) {
  public static final String CORRUPT = "_corrupt_record";

  public InputTable {
    required = List.copyOf(required);
    optional = List.copyOf(optional);
  }

  /** {@code format}: jsonl, parquet, csv, or auto (by extension; {@code text} is returned for .txt/.md, for the caller). */
  public Dataset<Row> read(SparkSession spark, HadoopFiles files, String path, String format) {
    String resolved = format.equals("auto") ? detect(files, path) : format;
    return switch (resolved) {
      case "jsonl" -> {
        StructType schema = new StructType();
        for (String c : columns()) {
          schema = schema.add(c, DataTypes.StringType);
        }
        yield spark.read().schema(schema.add(CORRUPT, DataTypes.StringType)).option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT).json(path);
      }
      case "parquet" -> byName(spark.read().parquet(path), path);
      case "csv" -> byName(spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
          .option("mode", "PERMISSIVE").csv(path), path);
      default -> throw new ConfigException("Invalid value for '" + formatKey + "': '" + format + "' for " + what
          + " (expected one of auto, jsonl, parquet, csv)");
    };
  }

  private List<String> columns() {
    List<String> all = new ArrayList<>(required);
    all.addAll(optional);
    return all;
  }

  private Dataset<Row> byName(Dataset<Row> df, String path) {
    List<String> present = Arrays.asList(df.columns());
    if (!present.containsAll(required)) {
      throw new ConfigException("The " + what + " at " + path + " need columns " + required + " (found " + present + ")");
    }
    List<Column> out = new ArrayList<>();
    for (String c : columns()) {
      out.add((present.contains(c) ? col(c).cast("string") : lit(null).cast("string")).as(c));
    }
    out.add(lit(null).cast("string").as(CORRUPT));
    return df.select(out.toArray(Column[]::new));
  }

  /** By the file's extension, or for a folder by the files in it. */
  public String detect(HadoopFiles files, String path) {
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
      throw new ConfigException("Cannot tell the format of the " + what + " in " + path
          + " (no .jsonl, .json, .parquet, .csv, .txt or .md files); set " + formatKey);
    }
    String found = byExtension(name);
    if (found == null) {
      throw new ConfigException("Cannot tell the format of " + path + " from its name; set " + formatKey);
    }
    return found;
  }

  private static boolean isDirectory(HadoopFiles files, String path) {
    try {
      return files.fs(path).getFileStatus(new org.apache.hadoop.fs.Path(path)).isDirectory();
    } catch (java.io.FileNotFoundException e) {
      throw new ConfigException("Input not found: " + path);
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
