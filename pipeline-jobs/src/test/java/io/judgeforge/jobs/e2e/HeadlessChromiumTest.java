package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser check of {@link ReportInBrowserTest} catches what it is there to catch: a deliberately broken page
 * (an uncaught exception, a {@code console.error}, an image from the network) fails it on each count. (The report
 * itself is the clean page that passes it.) A browser that never answers fails at the deadline.
 */
class HeadlessChromiumTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Path chromium() {
        var binary = HeadlessChromium.binary();
        Assumptions.assumeTrue(
                binary.isPresent(),
                "no chromium on the PATH (Debian package chromium; .ci/run installs it) or at JUDGEFORGE_CHROMIUM: "
                        + "browser test skipped");
        return binary.get();
    }

    @Test
    void aBrokenPageFailsOnItsExceptionItsConsoleErrorAndItsNetworkRequest() throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>broken</title></head><body>"
                        + "<h1>broken</h1><script>notDefinedAnywhere();</script>"
                        + "<script>console.error('planted console error');</script>"
                        + "<img src=\"http://judgeforge.invalid/pixel.png\" alt=\"\"></body></html>");
        HeadlessChromium.Visit visit = HeadlessChromium.open(chromium(), page, "document.title", TIMEOUT);
        String errors = String.join("\n", visit.errors());
        assertTrue(errors.contains("ReferenceError: notDefinedAnywhere is not defined"), errors);
        assertTrue(errors.contains("planted console error"), errors);
        assertTrue(
                visit.requests().contains("http://judgeforge.invalid/pixel.png"),
                visit.requests().toString());
        assertEquals("broken", visit.probe());
    }

    @Test
    void aBrowserThatNeverAnswersFailsAtTheDeadline() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for the hung browser");
        Path hung = dir.resolve("hung-chromium");
        Files.writeString(hung, "#!/bin/sh\nexec sleep 60\n");
        assertTrue(hung.toFile().setExecutable(true));
        long start = System.nanoTime();
        TimeoutException timeout = assertThrows(
                TimeoutException.class,
                () -> HeadlessChromium.open(hung, dir.resolve("any.html"), "1", Duration.ofSeconds(2)));
        assertTrue(timeout.getMessage().contains("Chromium to start"), timeout.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "it gives up at its deadline");
    }
}
