package io.judgeforge.table;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats an input table comes in, and the one rule that tells a table's format from where it is: by the
 * extension of its file, or for a folder (as Spark writes tables) by its first data file with a known extension,
 * falling back to the folder's own name. Each reader accepts some of these formats and words its own errors.
 */
public enum TableFormat {
    /** One JSON object per line; {@code .json} files are read the same way. */
    JSONL("jsonl", ".jsonl", ".json"),
    PARQUET("parquet", ".parquet"),
    /** Comma-separated values with a header row. */
    CSV("csv", ".csv"),
    /** A whole file is one record (a reference passage). */
    TEXT("text", ".txt", ".md");

    /** The declared format that asks for detection. */
    public static final String AUTO = "auto";

    private final String code;
    private final List<String> extensions;

    TableFormat(String code, String... extensions) {
        this.code = code;
        this.extensions = List.of(extensions);
    }

    /** The name configuration uses for the format ({@code inputs.references-format: jsonl}). */
    public String code() {
        return code;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format a declared value names; empty for {@link #AUTO} and for a value that names none. */
    public static Optional<TableFormat> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** By the extension that ends the name (or location), in any case. */
    public static Optional<TableFormat> ofName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.extensions.stream().anyMatch(lower::endsWith))
                .findFirst();
    }

    /**
     * The format of the table at {@code location}; empty when nothing tells.
     *
     * @param folderEntries the names in the location when it is a folder, in the order to try them; {@code null} when
     *     it is a file
     */
    public static Optional<TableFormat> detect(String location, List<String> folderEntries) {
        if (folderEntries != null) {
            for (String entry : folderEntries) {
                Optional<TableFormat> format = FileNames.isData(entry) ? ofName(entry) : Optional.empty();
                if (format.isPresent()) {
                    return format;
                }
            }
        }
        // A folder's location may end in a slash ("scores.parquet/").
        return ofName(folderEntries == null ? location : location.replaceAll("/+$", ""));
    }

    /** The extensions of {@code formats} for a message: {@code .jsonl, .json, .parquet, .csv, .txt or .md}. */
    public static String extensionList(List<TableFormat> formats) {
        List<String> all = formats.stream().flatMap(f -> f.extensions.stream()).toList();
        return all.size() == 1
                ? all.get(0)
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }
}
