package io.judgeforge.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void theNameWithoutItsLastExtension() {
        assertEquals("ref-a", FileNames.withoutExtension("ref-a.txt"));
        assertEquals("notes.v2", FileNames.withoutExtension("notes.v2.md"));
        assertEquals("README", FileNames.withoutExtension("README"));
        assertEquals("odd", FileNames.withoutExtension("odd."));
    }

    @Test
    void theSameIdsAsTheRegexTheTextReaderUsedBefore() {
        // ReferenceReader took a text passage's id with Spark's regexp_extract(file_name, this pattern, 1).
        Pattern before = Pattern.compile("^(.*?)(\\.[^.]*)?$");
        for (String name : List.of(
                "ref-a.txt",
                "notes.v2.md",
                "README",
                "odd.",
                ".hidden",
                "a..b",
                "x.tar.gz",
                "日本語.txt",
                "with space.md",
                "")) {
            Matcher m = before.matcher(name);
            assertTrue(m.matches(), name);
            assertEquals(m.group(1), FileNames.withoutExtension(name), name);
        }
    }

    @Test
    void hiddenFilesAndMarkersHoldNoData() {
        assertTrue(FileNames.isData("part-00000.snappy.parquet"));
        assertFalse(FileNames.isData("_SUCCESS"));
        assertFalse(FileNames.isData("_metadata"));
        assertFalse(FileNames.isData(".part-00000.snappy.parquet.crc"));
    }
}
