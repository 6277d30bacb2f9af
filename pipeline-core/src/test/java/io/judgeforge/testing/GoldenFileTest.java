package io.judgeforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileFailsNamingTheFile() {
        Path file = dir.resolve("single/close_qa.txt");
        AssertionFailedError e =
                assertThrows(AssertionFailedError.class, () -> GoldenFile.assertMatches(file, "x", false));
        assertTrue(e.getMessage().contains(file + " is missing"), e.getMessage());
    }

    @Test
    void aDifferenceFailsNamingTheFileAndTheFirstDifferingLine() throws Exception {
        Path file = dir.resolve("g.txt");
        Files.writeString(file, "one\ntwo\nthree\n");
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class, () -> GoldenFile.assertMatches(file, "one\n2\nthree\n", false));
        assertTrue(e.getMessage().contains(file + " differs from the rendered text at line 2"), e.getMessage());
        assertTrue(
                e.getMessage().contains("golden:   \"two\"") && e.getMessage().contains("rendered: \"2\""),
                e.getMessage());
    }

    @Test
    void aMissingTrailingNewlineOrStrayCarriageReturnIsADifference() throws Exception {
        Path file = dir.resolve("g.txt");
        Files.writeString(file, "a\nb");
        String tail = assertThrows(AssertionFailedError.class, () -> GoldenFile.assertMatches(file, "a\nb\n", false))
                .getMessage();
        assertTrue(tail.contains("at line 3") && tail.contains("golden:   <end of text>"), tail);
        Files.writeString(file, "a\r\nb\n");
        String cr = assertThrows(AssertionFailedError.class, () -> GoldenFile.assertMatches(file, "a\nb\n", false))
                .getMessage();
        assertTrue(cr.contains("at line 1") && cr.contains("\"a\\r\""), cr);
    }

    @Test
    void updateModeWritesTheFileThatThenMatches() throws Exception {
        Path file = dir.resolve("pairwise/new.txt");
        GoldenFile.assertMatches(file, "λ $1 \\\n", true);
        assertEquals("λ $1 \\\n", Files.readString(file, StandardCharsets.UTF_8));
        GoldenFile.assertMatches(file, "λ $1 \\\n", false);
    }
}
