package io.judgeforge.jobs.stage;

import io.judgeforge.json.Json;
import io.judgeforge.report.ReportData;
import io.judgeforge.report.ReportPage;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.IfdHistogram;
import java.util.Map;

/**
 * The version's {@link ReportPage} ({@value ReportPage#FILE}): gathers what it shows (the manifest, and the
 * select stage's {@link BalanceReportFile} reports, where that run wrote them) and writes it into the version's
 * folder before the manifest, so the page is published with the version.
 */
final class ExportReport {
    private ExportReport() {}

    static void write(PipelineContext ctx, Manifest manifest, String folder) {
        String select = ctx.layout().stage(SelectJob.STAGE) + "/";
        String balance = select + BalanceReportFile.NAME;
        String histogram = select + BalanceReportFile.IFD_HISTOGRAM;
        ReportData data = new ReportData(
                manifest,
                ctx.files().exists(balance) ? BalanceReport.read(ctx.files().readText(balance)) : Map.of(),
                ctx.files().exists(histogram) ? Json.read(ctx.files().readText(histogram), IfdHistogram.class) : null);
        ctx.files().writeText(folder + "/" + ReportPage.FILE, ReportPage.render(data));
    }
}
