package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The report.html of a published version, in headless Chromium: it renders its charts without an error and
 * fetches nothing but itself. Reuses the reference run other tests share ({@link PipelineRuns#reference()}); the
 * screenshot is kept as {@value #SCREENSHOT}.
 */
@Tag("spark")
class ReportInBrowserTest {
    static final String SCREENSHOT = "target/report-html/report.png";
    /** The charts, each drawn with a width and a height, and the page's title. */
    static final String PROBE = "[...document.querySelectorAll('svg.chart')]"
            + ".filter(s => s.getBBox().width > 0 && s.getBBox().height > 0).length + ' charts: ' + document.title";

    @Test
    void theReportRendersItsChartsWithoutAnErrorAndFetchesNothing() throws Exception {
        Path chromium = HeadlessChromiumTest.chromium();
        PipelineRuns.Run run = PipelineRuns.reference();
        Path report = run.dataset().resolve("report.html");
        assertTrue(Files.exists(report), "the version has its report beside the manifest: " + report);
        assertTrue(run.stdout().contains(" shards, report.html); LATEST -> " + run.version()), run.stdout());

        HeadlessChromium.Visit visit = HeadlessChromium.open(chromium, report, PROBE, HeadlessChromiumTest.TIMEOUT);
        Path screenshot = keep(visit.screenshot());
        System.out.println("report.html screenshot: " + screenshot);
        assertEquals(List.of(), visit.errors(), "errors in the browser's console");
        assertEquals(List.of(report.toUri().toString()), visit.requests(), "the page fetches nothing");
        assertEquals("7 charts: Judgeforge dataset " + run.version(), visit.probe());
    }

    private static Path keep(byte[] png) throws IOException {
        Path screenshot = Path.of(SCREENSHOT).toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, png);
        return screenshot;
    }
}
