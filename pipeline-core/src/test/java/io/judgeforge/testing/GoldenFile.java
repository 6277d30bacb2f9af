package io.judgeforge.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares text with a checked-in golden file byte for byte, or rewrites the file when the JVM runs
 * with {@code -Dgolden.update=true}. Failures name the file and its first differing line, because a
 * bare "not equal" over a two-page prompt sends the reader to a diff tool.
 */
public final class GoldenFile {
    public static final String UPDATE_PROPERTY = "golden.update";

    private GoldenFile() {}

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** Fails unless {@code file} holds exactly {@code actual} in UTF-8; in update mode writes it instead. */
    public static void assertMatches(Path file, String actual) {
        assertMatches(file, actual, updating());
    }

    static void assertMatches(Path file, String actual, boolean update) {
        byte[] wanted = actual.getBytes(StandardCharsets.UTF_8);
        try {
            if (update) {
                Files.createDirectories(file.getParent());
                Files.write(file, wanted);
                return;
            }
            if (!Files.isRegularFile(file)) {
                fail("Golden file " + file + " is missing; " + howToUpdate());
            }
            byte[] golden = Files.readAllBytes(file);
            if (!Arrays.equals(golden, wanted)) {
                fail(firstDifference(file, new String(golden, StandardCharsets.UTF_8), actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot access golden file " + file, e);
        }
    }

    static String firstDifference(Path file, String golden, String actual) {
        String[] goldenLines = golden.split("\n", -1);
        String[] actualLines = actual.split("\n", -1);
        int i = 0;
        while (i < goldenLines.length && i < actualLines.length && goldenLines[i].equals(actualLines[i])) {
            i++;
        }
        if (i == goldenLines.length && i == actualLines.length) {
            // Same lines but different bytes: the file is not valid UTF-8.
            return "Golden file " + file + " differs from the rendered text in its bytes (not UTF-8?); "
                    + howToUpdate();
        }
        return "Golden file " + file + " differs from the rendered text at line " + (i + 1) + ":\n"
                + "  golden:   " + show(goldenLines, i) + "\n"
                + "  rendered: " + show(actualLines, i) + "\n"
                + howToUpdate();
    }

    private static String show(String[] lines, int index) {
        if (index >= lines.length) {
            return "<end of text>";
        }
        // A carriage return would be invisible, and it is the likeliest culprit after a checkout on Windows.
        return '"' + lines[index].replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    private static String howToUpdate() {
        return "if the change is intended, rerun with -D" + UPDATE_PROPERTY + "=true and review the rewritten files";
    }
}
