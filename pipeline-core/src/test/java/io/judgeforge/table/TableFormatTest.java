package io.judgeforge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableFormatTest {
    @Test
    void aFileIsToldByItsExtensionInAnyCase() {
        assertEquals(Optional.of(TableFormat.JSONL), TableFormat.detect("s3a://b/refs.jsonl", null));
        assertEquals(Optional.of(TableFormat.JSONL), TableFormat.detect("refs.JSON", null));
        assertEquals(Optional.of(TableFormat.PARQUET), TableFormat.detect("/data/refs.parquet", null));
        assertEquals(Optional.of(TableFormat.CSV), TableFormat.detect("refs.Csv", null));
        assertEquals(Optional.of(TableFormat.TEXT), TableFormat.detect("notes.md", null));
        assertEquals(Optional.of(TableFormat.TEXT), TableFormat.detect("notes.txt", null));
        assertEquals(Optional.empty(), TableFormat.detect("refs.xml", null));
        assertEquals(Optional.empty(), TableFormat.detect("refs", null));
        // A file's location never ends in a slash; a name that does is not a file name.
        assertEquals(Optional.empty(), TableFormat.detect("refs.jsonl/", null));
    }

    @Test
    void aFolderIsToldByItsFirstDataFileWithAKnownExtension() {
        List<String> sparkOutput = List.of(
                "._SUCCESS.crc",
                ".part-00000.snappy.parquet.crc",
                "_SUCCESS",
                "part-00000-1f2e.c000.snappy.parquet",
                "part-00001-1f2e.c000.snappy.parquet");
        assertEquals(Optional.of(TableFormat.PARQUET), TableFormat.detect("hdfs://nn/refs", sparkOutput));
        // The files decide over the folder's name.
        assertEquals(
                Optional.of(TableFormat.TEXT), TableFormat.detect("refs.csv", List.of("readme", "a.txt", "b.csv")));
        assertEquals(
                Optional.of(TableFormat.JSONL), TableFormat.detect("refs", List.of("_metadata.json", "part-0.json")));
    }

    @Test
    void aFolderWhoseFilesDoNotTellIsToldByItsOwnName() {
        assertEquals(
                Optional.of(TableFormat.PARQUET),
                TableFormat.detect("scores.parquet/", List.of("part-00000", "_SUCCESS")));
        assertEquals(Optional.of(TableFormat.PARQUET), TableFormat.detect("scores.parquet", List.of()));
        assertEquals(Optional.empty(), TableFormat.detect("scores", List.of("part-00000", ".hidden.csv", "_x.csv")));
    }

    @Test
    void declaredFormatsAreTheirCodes() {
        for (TableFormat format : TableFormat.values()) {
            assertEquals(Optional.of(format), TableFormat.ofCode(format.code()));
        }
        assertEquals(Optional.empty(), TableFormat.ofCode(TableFormat.AUTO));
        assertEquals(Optional.empty(), TableFormat.ofCode("JSONL"));
    }

    @Test
    void extensionListsReadAsASentence() {
        assertEquals(
                ".jsonl, .json, .parquet, .csv, .txt or .md", TableFormat.extensionList(List.of(TableFormat.values())));
        assertEquals(".txt or .md", TableFormat.extensionList(List.of(TableFormat.TEXT)));
        assertEquals(".parquet", TableFormat.extensionList(List.of(TableFormat.PARQUET)));
    }
}
