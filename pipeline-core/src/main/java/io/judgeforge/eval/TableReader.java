package io.judgeforge.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import io.judgeforge.table.TableFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of a JSON Lines or CSV file, chosen by extension ({@link TableFormat}), as text fields with the line
 * each row starts on, so that every later error can name the file and the line.
 *
 * <p>Both formats come out the same: a JSON number becomes its text (so ids and scores read alike from JSONL and
 * CSV), a JSON {@code null} and an empty CSV cell both become {@code ""}, and a field absent from a JSON row is
 * absent from the map. Fields other than the ones asked for are ignored: benchmarks carry their instructions and
 * responses along.
 */
public final class TableReader {
    static final String SUPPORTED = ".jsonl, .json (one JSON object per line) or .csv";
    /** The formats whose text this class parses into rows. */
    public static final List<TableFormat> ROW_FORMATS = List.of(TableFormat.JSONL, TableFormat.CSV);

    /** A row: its 1-based starting line (for Parquet, its 1-based row number) and its fields by column name. */
    public record Row(long line, Map<String, String> fields) {}

    /** Where rows come from: local files ({@link #LOCAL}), or any Hadoop file system in the Spark module. */
    @FunctionalInterface
    public interface Source {
        /**
         * All rows of the table at {@code location}; {@code role} ("benchmark", "predictions") names it in messages.
         *
         * @throws ConfigException if it is absent, of an unsupported format, or malformed
         */
        List<Row> read(String location, String role);
    }

    /** Local JSON Lines and CSV files. */
    public static final Source LOCAL = (location, role) -> read(Path.of(location), role);

    private static final Pattern CSV_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)\\s*");

    private static final ObjectReader JSON_LINE =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TableReader() {}

    /**
     * All rows of {@code file}. {@code role} ("benchmark", "predictions") names the file in messages.
     *
     * @throws ConfigException if the file is absent, has an unsupported extension, or has a malformed line
     */
    static List<Row> read(Path file, String role) {
        // The format is checked before the file is read, so a wrong extension is named even for an absent file.
        TableFormat format = TableFormat.ofName(file.toString())
                .filter(ROW_FORMATS::contains)
                .orElseThrow(() -> unsupported(role, file, SUPPORTED));
        return parse(file.toString(), role, readText(file, role), format);
    }

    /**
     * The rows of a table's text in {@code format}, JSON Lines or CSV.
     *
     * @throws IllegalArgumentException for any other format, which is not text with rows
     */
    public static List<Row> parse(String location, String role, String text, TableFormat format) {
        if (!ROW_FORMATS.contains(format)) {
            throw new IllegalArgumentException(format + " is not a text table format");
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return format == TableFormat.CSV ? csvRows(location, role, text) : jsonRows(location, role, text);
    }

    /** The error for a table whose format the caller does not read; {@code supported} lists those it does. */
    public static ConfigException unsupported(String role, Object location, String supported) {
        return new ConfigException(
                "Unsupported " + role + " file format: " + location + " (expected " + supported + ")");
    }

    private static String readText(Path file, String role) {
        try {
            // A byte-order mark (common in CSV exported from spreadsheets) is removed in parse().
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(capitalized(role) + " file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new ConfigException("Cannot read " + role + " file " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + role + " file " + file, e);
        }
    }

    private static List<Row> jsonRows(String file, String role, String text) {
        List<Row> rows = new ArrayList<>();
        Iterator<String> lines = text.lines().iterator();
        for (long line = 1; lines.hasNext(); line++) {
            String json = lines.next();
            if (json.isBlank()) {
                continue;
            }
            if (rows.isEmpty() && json.strip().startsWith("[")) {
                throw lineError(role, file, line, "a JSON array; expected JSON Lines, one object per line");
            }
            JsonNode node;
            try {
                node = JSON_LINE.readTree(json);
            } catch (JsonProcessingException e) {
                throw lineError(role, file, line, "malformed JSON (" + e.getOriginalMessage() + ")");
            }
            if (!node.isObject()) {
                throw lineError(
                        role,
                        file,
                        line,
                        "expected a JSON object, found "
                                + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            Map<String, String> fields = new LinkedHashMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), text(f.getValue())));
            rows.add(new Row(line, fields));
        }
        return rows;
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<Row> csvRows(String file, String role, String text) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        long[] lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                long line = lineOf(lineStarts, record.getCharacterPosition());
                if (!record.isConsistent()) {
                    throw lineError(role, file, line, record.size() + " fields, but the header has " + header.size());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i).strip(), record.get(i));
                }
                rows.add(new Row(line, fields));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports an unclosed quote or a bad header this way; some messages start "(startline N)".
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String message = String.valueOf(cause.getMessage());
            Matcher at = CSV_LINE.matcher(message);
            if (at.lookingAt()) {
                throw lineError(
                        role, file, Long.parseLong(at.group(1)), "malformed CSV (" + message.substring(at.end()) + ")");
            }
            throw new ConfigException("Cannot read " + role + " file " + file + ": malformed CSV (" + message + ")", e);
        }
        return rows;
    }

    /** Offsets at which each line starts, for turning a record's character position into a line number. */
    private static long[] lineStarts(String text) {
        long[] starts = new long[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static long lineOf(long[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, position);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public static ConfigException lineError(String role, Object file, long line, String problem) {
        return new ConfigException("Cannot read " + role + " file " + file + ", line " + line + ": " + problem);
    }

    private static String capitalized(String role) {
        return Character.toUpperCase(role.charAt(0)) + role.substring(1);
    }
}
