package io.judgeforge.report;

import io.judgeforge.report.SelectionCounts.Side;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.judge.JudgeMode;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.IfdHistogram;
import io.judgeforge.teacher.CallOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * {@code report.html} of a dataset version: the selection's scenario, score and verdict distributions before
 * and after, the IFD histogram, the items of every step by status and reason, calls, tokens and cost per stage,
 * and the reconciliation of every step. One page, nothing fetched: inline CSS and SVG, no script, and a
 * Content-Security-Policy that lets the browser load nothing else.
 */
public final class ReportPage {
    /** The page's name in the version's folder, beside {@code manifest.json}. */
    public static final String FILE = "report.html";

    static final String BEFORE = "#9ecae1";
    static final String AFTER = "#2b6cb0";
    static final String OUT = "#38a169";
    static final String FILTERED = "#ed8936";
    static final String QUARANTINED = "#e53e3e";
    static final String PROMPT = "#805ad5";
    static final String COMPLETION = "#d53f8c";
    static final String CALLS = "#2b6cb0";
    static final String STORED = "#9ecae1";

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a202c;margin:0;\
            background:#f7fafc}
            main{max-width:760px;margin:0 auto;padding:16px 20px 40px;background:#fff}
            h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0}
            h3{font-size:15px;margin:18px 0 4px}p.note{color:#4a5568;margin:4px 0 8px}
            table{border-collapse:collapse;margin:6px 0 10px;font-size:13px}
            th,td{border-bottom:1px solid #e2e8f0;padding:3px 8px;text-align:left;vertical-align:top}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dt{color:#4a5568}
            dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
            .ok{color:#276749;font-weight:600}.bad{color:#c53030;font-weight:600}
            svg.chart{display:block;margin:4px 0 8px;font-size:11px}svg text{fill:#2d3748}
            svg text.label{text-anchor:end}svg text.tick{text-anchor:middle}svg line.axis{stroke:#718096}
            footer{color:#718096;font-size:12px;margin-top:32px}
            """;

    private ReportPage() {}

    /** The page of {@code data}; every text from data escaped. */
    public static String render(ReportData data) {
        Manifest m = data.manifest();
        StringBuilder page = new StringBuilder(32_768);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ");
        page.append("style-src 'unsafe-inline'\">");
        page.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.append("<title>Judgeforge dataset ")
                .append(Html.escape(m.version()))
                .append("</title>");
        page.append("<style>").append(CSS).append("</style></head><body><main>\n");
        header(page, m);
        sets(page, m);
        selection(page, data.balance(), data.ifdHistogram());
        outcomes(page, m.stages());
        costs(page, m);
        reconciliation(page, m.stages());
        page.append("<footer>Written by the export stage with manifest.json; self-contained: nothing on this page ");
        page.append("is fetched.</footer>\n</main></body></html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, Manifest m) {
        page.append("<h1>Dataset ").append(Html.escape(m.version())).append("</h1>\n<dl>");
        definition(page, "Version", m.version());
        definition(page, "Run id", m.runId());
        definition(page, "Run name", m.runName());
        definition(page, "Created", m.createdAt());
        definition(page, "Config SHA-256", m.configSha256());
        // A refresh's version: its records are the parent's, less those whose inputs are gone, and the new ones.
        definition(
                page,
                "Parent version",
                m.parentVersion() == null ? "none (a full run)" : m.parentVersion() + " (see CHANGELOG.md)");
        page.append("</dl>\n");
        Manifest.Totals t = m.totals();
        long records = m.sets().values().stream()
                .mapToLong(Manifest.SetCounts::records)
                .sum();
        page.append("<p>")
                .append(count(records))
                .append(" records in ")
                .append(m.sets().size());
        page.append(" sets from ").append(count(t.calls())).append(" calls (").append(count(t.stored()));
        page.append(" answered from the store), ").append(count(t.promptTokens() + t.completionTokens()));
        page.append(" tokens, ").append(usd(t.costUsd())).append(", ").append(seconds(t.wallMs()));
        page.append(" of stage time. ");
        page.append(
                t.reconciled()
                        ? "<span class=\"ok\">Every step reconciles.</span>"
                        : "<span class=\"bad\">Some step does not reconcile: see the last table.</span>");
        if (m.budget().stopped()) {
            page.append(" <span class=\"bad\">The budget ran out and stopped calls.</span>");
        }
        page.append("</p>\n");
    }

    private static void sets(StringBuilder page, Manifest m) {
        page.append("<h2>Published sets</h2>\n");
        List<String> rows = new ArrayList<>();
        m.sets()
                .forEach((name, set) -> rows.add(cell(name)
                        + number(set.records())
                        + number(set.bySplit().getOrDefault("train", 0L))
                        + number(set.bySplit().getOrDefault("validation", 0L))
                        + cell(set.task())));
        table(page, List.of("set", "#records", "#train", "#validation", "what it trains"), rows);
    }

    private static void selection(
            StringBuilder page, Map<String, BalanceReport.ScenarioBalance> balance, IfdHistogram ifd) {
        page.append("<h2>Selection</h2>\n<p class=\"note\">Before: the scored judge records; after: the ones ");
        page.append("select kept (before augmentation). From <code>select/_balance.json</code>.</p>\n");
        if (balance.isEmpty()) {
            page.append("<p>The select stage recorded no balance report.</p>\n");
        } else {
            compare(
                    page,
                    "Records per scenario",
                    SelectionCounts.byScenario(balance, Side.BEFORE),
                    SelectionCounts.byScenario(balance, Side.AFTER),
                    Comparator.naturalOrder());
            compareLabels(
                    page,
                    "Scores (single and reference grading)",
                    balance,
                    Set.of(JudgeMode.SINGLE.code(), JudgeMode.REFERENCE.code()));
            compareLabels(page, "Verdicts (pairwise; C is a tie)", balance, Set.of(JudgeMode.PAIRWISE.code()));
        }
        page.append("<h3>IFD</h3>\n");
        if (ifd == null) {
            page.append("<p>The select stage recorded no IFD histogram.</p>\n");
        } else {
            page.append(SvgHistogram.render(
                    "IFD of the records before and after selection",
                    ifd.edges(),
                    List.of(
                            new Series("before selection", BEFORE, ifd.before()),
                            new Series("after selection", AFTER, ifd.after()))));
        }
        List<String> rows = new ArrayList<>();
        balance.forEach((scenario, entry) -> {
            if (entry.ifd() != null) {
                BalanceReport.IfdSpread s = entry.ifd();
                rows.add(cell(scenario)
                        + decimal(s.min())
                        + decimal(s.p10())
                        + decimal(s.median())
                        + decimal(s.p90())
                        + decimal(s.max()));
            }
        });
        if (!rows.isEmpty()) {
            table(page, List.of("scenario", "#min", "#p10", "#median", "#p90", "#max"), rows);
        }
    }

    private static void compareLabels(
            StringBuilder page, String title, Map<String, BalanceReport.ScenarioBalance> balance, Set<String> modes) {
        compare(
                page,
                title,
                SelectionCounts.byLabel(balance, modes, Side.BEFORE),
                SelectionCounts.byLabel(balance, modes, Side.AFTER),
                SelectionCounts.LABELS);
    }

    private static void compare(
            StringBuilder page,
            String title,
            Map<String, Long> before,
            Map<String, Long> after,
            Comparator<String> order) {
        page.append("<h3>").append(Html.escape(title)).append("</h3>\n");
        List<String> keys = SelectionCounts.keys(before, after, order);
        if (keys.isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        page.append(SvgBarChart.grouped(
                title,
                keys,
                List.of(
                        new Series("before selection", BEFORE, SelectionCounts.values(before, keys)),
                        new Series("after selection", AFTER, SelectionCounts.values(after, keys)))));
    }

    private static void outcomes(StringBuilder page, List<StageReport> stages) {
        page.append("<h2>Items by status and reason</h2>\n<p class=\"note\">Every work item of every step: out, ");
        page.append("filtered by a rule, or quarantined (a teacher call gave no usable answer, or the item could ");
        page.append("not be processed).</p>\n");
        List<String> steps = new ArrayList<>();
        List<StepReport> reports = new ArrayList<>();
        for (StageReport stage : stages) {
            for (StepReport step : stage.steps()) {
                steps.add(stage.stage() + " / " + step.step());
                reports.add(step);
            }
        }
        page.append("<h3>Items per step</h3>\n");
        page.append(SvgBarChart.stacked(
                "Items per step by status",
                steps,
                List.of(
                        new Series("out", OUT, each(reports, StepReport::out)),
                        new Series("filtered", FILTERED, each(reports, StepReport::filtered)),
                        new Series("quarantined", QUARANTINED, each(reports, StepReport::quarantined)))));
        List<String> rows = new ArrayList<>();
        for (StageReport stage : stages) {
            for (StepReport step : stage.steps()) {
                step.reasons()
                        .forEach((reason, items) -> rows.add(cell(stage.stage())
                                + cell(step.step())
                                + cell(reason)
                                + number(items)
                                + cell(meaning(reason))));
            }
        }
        page.append("<h3>Reasons</h3>\n");
        if (rows.isEmpty()) {
            page.append("<p>No item was filtered or quarantined.</p>\n");
        } else {
            table(page, List.of("stage", "step", "reason", "#items", "meaning"), rows);
        }
    }

    private static void costs(StringBuilder page, Manifest m) {
        page.append("<h2>Calls, tokens and cost per stage</h2>\n");
        List<StageReport> stages = m.stages();
        List<String> names = stages.stream().map(StageReport::stage).toList();
        stackedChart(
                page,
                "Requests per stage",
                names,
                new Series("calls", CALLS, each(stages, StageReport::calls)),
                new Series("answered from the store", STORED, each(stages, StageReport::stored)));
        stackedChart(
                page,
                "Tokens per stage",
                names,
                new Series("prompt tokens", PROMPT, each(stages, StageReport::promptTokens)),
                new Series("completion tokens", COMPLETION, each(stages, StageReport::completionTokens)));
        List<String> rows = new ArrayList<>();
        for (StageReport s : stages) {
            rows.add(cell(s.stage())
                    + usage(s.calls(), s.stored(), s.promptTokens(), s.completionTokens(), s.cachedTokens())
                    + number(s.reasoningTokens())
                    + money(s.costUsd(), s.wallMs()));
        }
        Manifest.Totals t = m.totals();
        rows.add("<th>total</th>"
                + usage(t.calls(), t.stored(), t.promptTokens(), t.completionTokens(), t.cachedTokens())
                + number(t.reasoningTokens()) + money(t.costUsd(), t.wallMs()));
        table(
                page,
                List.of(
                        "stage",
                        "#calls",
                        "#stored",
                        "#prompt",
                        "#completion",
                        "#cached",
                        "#reasoning",
                        "#cost",
                        "#wall time"),
                rows);
        Manifest.BudgetUse b = m.budget();
        page.append("<p class=\"note\">Budget: ").append(b.maxUsd() > 0 ? usd(b.maxUsd()) : "no USD limit");
        page.append(", ").append(b.maxTokens() > 0 ? count(b.maxTokens()) + " tokens" : "no token limit");
        page.append("; spent ").append(usd(b.spentUsd())).append(" and ").append(count(b.spentTokens()));
        page.append(" tokens. A cost of $0 means the endpoints have no prices configured.</p>\n");
    }

    private static void reconciliation(StringBuilder page, List<StageReport> stages) {
        page.append("<h2>Reconciliation</h2>\n<p class=\"note\">Every step accounts for its work items: ");
        page.append("in = out + filtered + quarantined. Produced counts the records written (a step may fan ");
        page.append("out).</p>\n");
        List<String> rows = new ArrayList<>();
        for (StageReport stage : stages) {
            for (StepReport s : stage.steps()) {
                rows.add(cell(stage.stage())
                        + cell(s.step())
                        + number(s.in())
                        + number(s.out())
                        + number(s.filtered())
                        + number(s.quarantined())
                        + number(s.produced())
                        + (s.balanced()
                                ? "<td class=\"ok\">balanced</td>"
                                : "<td class=\"bad\">off by " + count(s.in() - s.out() - s.filtered() - s.quarantined())
                                        + "</td>"));
            }
        }
        table(page, List.of("stage", "step", "#in", "#out", "#filtered", "#quarantined", "#produced", "check"), rows);
    }

    private static void stackedChart(
            StringBuilder page, String title, List<String> categories, Series first, Series second) {
        page.append("<h3>").append(Html.escape(title)).append("</h3>\n");
        page.append(SvgBarChart.stacked(title, categories, List.of(first, second)));
    }

    private static String usage(long calls, long stored, long prompt, long completion, long cached) {
        return number(calls) + number(stored) + number(prompt) + number(completion) + number(cached);
    }

    private static String money(double costUsd, long wallMs) {
        return "<td class=\"n\">" + usd(costUsd) + "</td><td class=\"n\">" + seconds(wallMs) + "</td>";
    }

    /** What a reason code means: a rule's meaning, or that a teacher call gave no usable answer. */
    static String meaning(String reason) {
        return Arrays.stream(RejectReason.values())
                .filter(r -> r.code().equals(reason))
                .map(RejectReason::meaning)
                .findFirst()
                .orElseGet(() -> Arrays.stream(CallOutcome.values())
                                .anyMatch(o -> o.code().equals(reason))
                        ? "a teacher call gave no usable answer"
                        : "");
    }

    // A header starting with '#' is a number column: right-aligned, the '#' not shown.
    private static void table(StringBuilder page, List<String> headers, List<String> rows) {
        page.append("<table><thead><tr>");
        for (String h : headers) {
            page.append(h.startsWith("#") ? "<th class=\"n\">" + Html.escape(h.substring(1)) : "<th>" + Html.escape(h));
            page.append("</th>");
        }
        page.append("</tr></thead><tbody>\n");
        rows.forEach(r -> page.append("<tr>").append(r).append("</tr>\n"));
        page.append("</tbody></table>\n");
    }

    private static void definition(StringBuilder page, String term, String value) {
        page.append("<dt>")
                .append(Html.escape(term))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>");
    }

    private static <T> List<Long> each(List<T> items, ToLongFunction<T> value) {
        return items.stream().map(i -> value.applyAsLong(i)).toList();
    }

    private static String cell(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static String number(long value) {
        return "<td class=\"n\">" + count(value) + "</td>";
    }

    private static String decimal(Double value) {
        return "<td class=\"n\">" + (value == null ? "" : SvgHistogram.decimal(value)) + "</td>";
    }

    private static String count(long value) {
        return SvgBarChart.count(value);
    }

    private static String usd(double value) {
        return String.format(Locale.ROOT, "$%,.4f", value);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%,.1f s", ms / 1000.0);
    }
}
