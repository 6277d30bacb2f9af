package io.judgeforge.jobs.spark;

import io.judgeforge.config.ConfigException;
import io.judgeforge.eval.TableReader;
import io.judgeforge.table.FileNames;
import io.judgeforge.table.TableFormat;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;

/**
 * The meta-evaluation's tables on any Hadoop file system ({@code file://}, {@code hdfs://}, {@code s3a://}), their
 * format told by the core's {@link TableFormat}: JSON Lines and CSV are read as text and parsed by the core's
 * {@link TableReader}; Parquet (a file, or a folder of part files as Spark writes it) is read with the Parquet library
 * Spark itself ships, without starting a Spark session, since a benchmark is thousands of rows. Parquet rows come out
 * as JSON rows do: each top-level column as text, a null as {@code ""}, and the row's 1-based number in place of a
 * line number.
 */
public final class HadoopTables implements TableReader.Source {
    public static final String SUPPORTED =
            ".jsonl, .json (one JSON object per line), .csv or .parquet (a file or a folder)";

    private final Configuration conf;
    private final HadoopFiles files;

    public HadoopTables(Configuration conf) {
        this.conf = conf;
        this.files = new HadoopFiles(conf);
    }

    @Override
    public List<TableReader.Row> read(String location, String role) {
        if (!files.exists(location)) {
            throw new ConfigException(
                    Character.toUpperCase(role.charAt(0)) + role.substring(1) + " file not found: " + location);
        }
        List<Path> parts = dataFiles(location);
        Optional<TableFormat> format = TableFormat.detect(
                location,
                parts == null ? null : parts.stream().map(Path::getName).toList());
        if (format.equals(Optional.of(TableFormat.PARQUET))) {
            return parquet(parts == null ? List.of(new Path(location)) : parts, role);
        }
        // JSON Lines and CSV are one file; a folder of them is not read.
        if (parts == null && format.filter(TableReader.ROW_FORMATS::contains).isPresent()) {
            return TableReader.parse(location, role, files.readText(location), format.get());
        }
        throw TableReader.unsupported(role, location, SUPPORTED);
    }

    private List<TableReader.Row> parquet(List<Path> parts, String role) {
        List<TableReader.Row> rows = new ArrayList<>();
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), part)
                    .withConf(conf)
                    .build()) {
                for (Group group = reader.read(); group != null; group = reader.read()) {
                    rows.add(new TableReader.Row(rows.size() + 1L, fields(group)));
                }
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(
                        "Cannot read " + role + " file " + part + ": not a readable Parquet file (" + e.getMessage()
                                + ")",
                        e);
            }
        }
        return rows;
    }

    /** For a folder, its data files in name order ({@link FileNames#isData}); {@code null} for a file. */
    private List<Path> dataFiles(String location) {
        try {
            if (!files.fs(location).getFileStatus(new Path(location)).isDirectory()) {
                return null;
            }
        } catch (FileNotFoundException e) {
            throw new ConfigException("File not found: " + location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
        List<Path> parts = new ArrayList<>();
        for (FileStatus f : files.list(location)) {
            if (f.isFile() && FileNames.isData(f.getPath().getName())) {
                parts.add(f.getPath());
            }
        }
        return parts;
    }

    /** Top-level columns as text; a nested column (a list, a struct) as its Parquet text form, which no field uses. */
    private static Map<String, String> fields(Group group) {
        GroupType type = group.getType();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < type.getFieldCount(); i++) {
            String name = type.getFieldName(i);
            if (group.getFieldRepetitionCount(i) == 0) {
                fields.put(name, "");
            } else if (type.getType(i).isPrimitive()) {
                fields.put(name, group.getValueToString(i, 0));
            } else {
                fields.put(name, group.getGroup(i, 0).toString());
            }
        }
        return fields;
    }
}
