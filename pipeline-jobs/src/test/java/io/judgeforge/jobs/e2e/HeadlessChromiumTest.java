package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser check of {@link ReportInBrowserTest} catches what it is there to catch: a deliberately broken page
 * (an uncaught exception, a {@code console.error}, an image from the network) fails it on each count. (The report
 * itself is the clean page that passes it.)
 */
class HeadlessChromiumTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static Path chromium() {
        var binary = HeadlessChromium.binary();
        Assumptions.assumeTrue(
                binary.isPresent(),
                "chromium is not installed (Debian package chromium; .ci/run installs it): browser test skipped");
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
}
