package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.config.ConfigException;
import io.judgeforge.table.TableFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an input table's format is decided and named in errors, on a local file system without Spark. */
class InputTableTest {
    static final InputTable INSTRUCTIONS =
            new InputTable("instructions", "inputs.instructions-format", List.of("id", "text"), List.of("scenario"));
    final HadoopFiles files = new HadoopFiles(new Configuration());

    @TempDir
    Path dir;

    String error(Runnable read) {
        return assertThrows(ConfigException.class, read::run).getMessage();
    }

    @Test
    void aDeclaredFormatIsTakenWithoutLookingAtTheFiles() {
        String absent = dir.resolve("nowhere.txt").toString();
        assertEquals(TableFormat.CSV, INSTRUCTIONS.format(files, absent, "csv"));
        assertEquals(
                "Invalid value for 'inputs.instructions-format': 'xml' for instructions (expected one of auto, jsonl,"
                        + " parquet, csv)",
                error(() -> INSTRUCTIONS.format(files, absent, "xml")));
    }

    @Test
    void autoTellsAFileByItsNameAndAFolderByItsFiles() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("in.JSONL"), "{}\n");
        assertEquals(TableFormat.JSONL, INSTRUCTIONS.format(files, jsonl.toString(), "auto"));
        Path folder = Files.createDirectory(dir.resolve("spark-output"));
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve("part-00000.csv"), "id,text\n");
        assertEquals(TableFormat.CSV, INSTRUCTIONS.format(files, folder.toString(), "auto"));
        // Part files without an extension: the folder's own name tells (before, this was an error).
        Path named = Files.createDirectory(dir.resolve("in.parquet"));
        Files.writeString(named.resolve("part-00000"), "");
        assertEquals(TableFormat.PARQUET, INSTRUCTIONS.format(files, named + "/", "auto"));
    }

    @Test
    void whatCannotBeToldIsNamedWithTheKeyToSet() throws Exception {
        Path odd = Files.writeString(dir.resolve("in.xml"), "<x/>");
        assertEquals(
                "Cannot tell the format of " + odd + " from its name; set inputs.instructions-format",
                error(() -> INSTRUCTIONS.format(files, odd.toString(), "auto")));
        Path folder = Files.createDirectory(dir.resolve("in"));
        Files.writeString(folder.resolve("part-00000"), "");
        assertEquals(
                "Cannot tell the format of the instructions in " + folder + " (no .jsonl, .json, .parquet, .csv, .txt"
                        + " or .md files); set inputs.instructions-format",
                error(() -> INSTRUCTIONS.format(files, folder.toString(), "auto")));
        String absent = dir.resolve("absent.jsonl").toString();
        assertEquals("Input not found: " + absent, error(() -> INSTRUCTIONS.format(files, absent, "auto")));
    }

    @Test
    void textIsForTheCallerThatReadsItNotATable() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("notes"));
        Files.writeString(folder.resolve("a.md"), "A question?");
        TableFormat format = INSTRUCTIONS.format(files, folder.toString(), "auto");
        assertEquals(TableFormat.TEXT, format);
        // Before, this said "Invalid value for 'inputs.instructions-format': 'auto'", which was set right.
        assertEquals(
                "Cannot read the instructions at " + folder + " as text (.txt or .md); set inputs.instructions-format"
                        + " to one of auto, jsonl, parquet, csv",
                error(() -> INSTRUCTIONS.read(null, folder.toString(), format)));
    }
}
