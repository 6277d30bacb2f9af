package io.judgeforge.table;

/** Conventions on the names of files in a table's folder and of the file a record comes from. */
public final class FileNames {
    private FileNames() {}

    /**
     * Whether a folder entry can hold data: not hidden ({@code .part-0.crc}) and not one of the markers Spark and
     * Hadoop write beside the data ({@code _SUCCESS}, {@code _metadata}), which readers skip as well.
     */
    public static boolean isData(String name) {
        return !name.startsWith(".") && !name.startsWith("_");
    }

    /** The name without its last extension: {@code a.b.txt} gives {@code a.b}, {@code notes} itself. */
    public static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
