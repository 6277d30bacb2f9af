package io.judgeforge.jobs.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.judgeforge.config.ConfigException;
import io.judgeforge.table.StringFields;
import io.judgeforge.table.TableFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a user's input table from JSONL, Parquet or CSV (with a header) into string columns: the
 * {@code required} ones, the {@code optional} ones (null where absent), {@code _corrupt_record}
 * (a JSONL line that does not parse; null otherwise) and {@code _wrong_type} (which field holds a number, an
 * array or another non-string, as {@link StringFields#wrongType} says; null otherwise). Rows that cannot be used
 * are left for the caller to quarantine with a reason; a file without a required column is a configuration error.
 * The format is the declared one, or with {@code auto} the core's {@link TableFormat#detect} rule.
 */
public record InputTable(String what, String formatKey, List<String> required, List<String> optional) {
    public static final String CORRUPT = "_corrupt_record";
    public static final String WRONG_TYPE = "_wrong_type";
    /** The formats {@link #read} reads; {@link TableFormat#TEXT} is the caller's, where it reads text files. */
    static final String READABLE = "auto, jsonl, parquet, csv";

    public InputTable {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
    }

    /** {@code format}: jsonl, parquet, csv, or auto (by {@link #format}). */
    public Dataset<Row> read(SparkSession spark, HadoopFiles files, String path, String format) {
        return read(spark, path, format(files, path, format));
    }

    /** The table in a format already resolved by {@link #format}. */
    public Dataset<Row> read(SparkSession spark, String path, TableFormat format) {
        return switch (format) {
            case JSONL -> {
                StructType schema = new StructType();
                for (String c : columns()) {
                    schema = schema.add(c, DataTypes.StringType);
                }
                // Read as lines and parsed here, not by the JSON reader: read into string columns, a number or an
                // array would pass as its JSON text, so the line itself is what the type check looks at.
                List<String> fields = columns();
                Column wrongType = udf(
                                (UDF1<String, String>) line ->
                                        StringFields.wrongType(line, fields).orElse(null),
                                DataTypes.StringType)
                        .apply(col("value"));
                // As the JSON reader, which skips blank lines.
                yield spark.read()
                        .text(path)
                        .filter(trim(col("value")).notEqual(""))
                        .select(
                                from_json(
                                                col("value"),
                                                schema.add(CORRUPT, DataTypes.StringType),
                                                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT))
                                        .as("row"),
                                wrongType.as(WRONG_TYPE))
                        .select("row.*", WRONG_TYPE);
            }
            case PARQUET -> byName(spark.read().parquet(path), path);
            case CSV ->
                byName(
                        spark.read()
                                .option("header", true)
                                .option("multiLine", true)
                                .option("escape", "\"")
                                .option("mode", "PERMISSIVE")
                                .csv(path),
                        path);
            case TEXT ->
                throw new ConfigException("Cannot read the " + what + " at " + path + " as text ("
                        + TableFormat.extensionList(List.of(TableFormat.TEXT)) + "); set " + formatKey + " to one of "
                        + READABLE);
        };
    }

    /**
     * The declared format, or for {@code auto} the detected one: by the file's extension, or for a folder by the
     * files in it (see {@link TableFormat#detect}). Text (declared, or .txt/.md) is returned for a caller that reads it.
     */
    public TableFormat format(HadoopFiles files, String path, String declared) {
        if (!declared.equals(TableFormat.AUTO)) {
            return TableFormat.ofCode(declared)
                    .orElseThrow(() -> new ConfigException("Invalid value for '" + formatKey + "': '" + declared
                            + "' for " + what + " (expected one of " + READABLE + ")"));
        }
        List<String> entries = folderEntries(files, path);
        return TableFormat.detect(path, entries)
                .orElseThrow(() -> new ConfigException(
                        entries == null
                                ? "Cannot tell the format of " + path + " from its name; set " + formatKey
                                : "Cannot tell the format of the " + what + " in " + path + " (no "
                                        + TableFormat.extensionList(List.of(TableFormat.values())) + " files); set "
                                        + formatKey));
    }

    private List<String> columns() {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return all;
    }

    private Dataset<Row> byName(Dataset<Row> df, String path) {
        List<String> present = Arrays.asList(df.columns());
        if (!present.containsAll(required)) {
            throw new ConfigException(
                    "The " + what + " at " + path + " need columns " + required + " (found " + present + ")");
        }
        List<Column> out = new ArrayList<>();
        for (String c : columns()) {
            out.add((present.contains(c) ? col(c).cast("string") : lit(null).cast("string")).as(c));
        }
        // A table this pipeline wrote from a user's input (a refresh's delta) carries the verdicts of the first read.
        out.add((present.contains(CORRUPT) ? col(CORRUPT) : lit(null))
                .cast("string")
                .as(CORRUPT));
        // A typed column (Parquet's numbers, lists) would be cast to text: its non-null values are of the wrong type.
        Column wrongType = (present.contains(WRONG_TYPE) ? col(WRONG_TYPE) : lit(null)).cast("string");
        for (StructField field : df.schema().fields()) {
            if (columns().contains(field.name()) && !field.dataType().equals(DataTypes.StringType)) {
                wrongType = coalesce(
                        wrongType,
                        when(
                                col(field.name()).isNotNull(),
                                lit("field '" + field.name() + "' is a "
                                        + field.dataType().simpleString() + " column, expected a string")));
            }
        }
        out.add(wrongType.as(WRONG_TYPE));
        return df.select(out.toArray(Column[]::new));
    }

    /** The names in the folder at {@code path}, in name order; {@code null} when it is a file. */
    private static List<String> folderEntries(HadoopFiles files, String path) {
        try {
            if (!files.fs(path)
                    .getFileStatus(new org.apache.hadoop.fs.Path(path))
                    .isDirectory()) {
                return null;
            }
        } catch (FileNotFoundException e) {
            throw new ConfigException("Input not found: " + path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return files.list(path).stream()
                .map(FileStatus::getPath)
                .map(org.apache.hadoop.fs.Path::getName)
                .toList();
    }
}
