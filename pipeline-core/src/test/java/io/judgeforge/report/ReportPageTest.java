package io.judgeforge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.StepReport;
import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.select.BalanceReport.IfdSpread;
import io.judgeforge.stage.select.BalanceReport.ScenarioBalance;
import io.judgeforge.stage.select.IfdHistogram;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static StepReport step(String name, long in, long out, long filtered, long quarantined, Map<String, Long> reasons) {
        return new StepReport(
                name, in, out, filtered, quarantined, out, reasons, in, 0, 100 * in, 10 * in, 0.5, Map.of(), 0, 0);
    }

    static Manifest manifest(List<StageReport> stages) {
        Manifest.SetCounts judge = new Manifest.SetCounts(
                "judge & " + HOSTILE,
                9,
                Map.of("train", 8L, "validation", 1L),
                Map.of(HOSTILE, 9L),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
        return new Manifest(
                "v-1",
                "20261206-172209-da47",
                "night <run>",
                "2026-12-06T17:23:14.035Z",
                "12232a72992e2be6f5e0d15521ef0278c5f1e586df994c81bf8bb0d52be0ebf9",
                Map.of("judge", judge),
                List.of(),
                stages,
                Manifest.Totals.over(stages),
                new Manifest.BudgetUse(0, 0, 1.0, 220, false),
                "v-0");
    }

    static final List<StageReport> STAGES = List.of(
            new StageReport(
                    "judge",
                    List.of(step("pairwise-calls", 12, 9, 1, 2, Map.of("order_inconsistent", 1L, "rate_limited", 2L))),
                    9,
                    Map.of(),
                    1500),
            new StageReport("select", List.of(step(HOSTILE, 9, 7, 2, 0, Map.of(HOSTILE, 2L))), 7, Map.of(), 300));

    static final Map<String, ScenarioBalance> BALANCE = Map.of(
            HOSTILE,
            new ScenarioBalance(
                    Map.of("single", Map.of("4", 5L), "pairwise", Map.of("A", 4L)),
                    Map.of("single", Map.of("4", 3L), "pairwise", Map.of("A", 4L)),
                    new IfdSpread(0.4, 0.45, 0.5, 0.6, 0.7)));

    static final IfdHistogram HISTOGRAM = new IfdHistogram(
            IfdHistogram.edges(0.4, 0.7),
            Collections.nCopies(IfdHistogram.BINS, 1L),
            Collections.nCopies(IfdHistogram.BINS, 0L));

    @Test
    void theTitleNamesTheVersionRunCreatedTimeAndConfigHash() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<title>Judgeforge dataset v-1</title>"), page);
        for (String shown : List.of(
                "20261206-172209-da47",
                "2026-12-06T17:23:14.035Z",
                "12232a72992e2be6f5e0d15521ef0278c5f1e586df994c81bf8bb0d52be0ebf9",
                "night &lt;run&gt;",
                "v-0 (see CHANGELOG.md)")) {
            assertTrue(page.contains("<dd>" + shown + "</dd>"), shown);
        }
    }

    @Test
    void everyTextFromDataIsEscaped() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        assertFalse(page.contains("<img"), "no element from data");
        assertFalse(page.contains("night <run>"));
        assertTrue(page.contains(Html.escape(HOSTILE)), "the scenario, step and reason, escaped");
        assertTrue(page.contains("judge &amp; &lt;img"), "the set's task, escaped");
    }

    @Test
    void selfContainedNothingToFetchAndNoScript() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        // Within tags: the escaped data may say "src=" as text.
        assertFalse(
                Pattern.compile("(?i)<(script|link|img|iframe|object|embed)\\b|<[^>]*\\b(src|href)\\s*=|url\\(|@import")
                        .matcher(page)
                        .find());
        // The only address is the SVG namespace, a name that is never fetched.
        assertEquals(
                List.of("http://www.w3.org/2000/svg"),
                Pattern.compile("https?://[^\"' ]+")
                        .matcher(page)
                        .results()
                        .map(r -> r.group())
                        .distinct()
                        .toList());
        assertTrue(
                page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
                "the browser fetches nothing");
    }

    @Test
    void chartsOfTheSelectionTheIfdTheOutcomesAndTheRequestsAndTokens() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        for (String chart : List.of(
                "Records per scenario",
                "Scores (single and reference grading)",
                "Verdicts (pairwise; C is a tie)",
                "IFD of the records before and after selection",
                "Items per step by status",
                "Requests per stage",
                "Tokens per stage")) {
            assertTrue(
                    page.contains("role=\"img\" width=\"720\"") && page.contains("<title>" + Html.escape(chart)),
                    chart);
        }
        assertEquals(7, Pattern.compile("<svg ").matcher(page).results().count());
        // Scenario: 9 before, 7 after; scores: 5 and 3; verdicts: 4 and 4.
        assertTrue(page.contains(Html.escape(HOSTILE) + ", before selection: 9"), page);
        assertTrue(page.contains(Html.escape(HOSTILE) + ", after selection: 7"), page);
        assertTrue(page.contains("4, after selection: 3") && page.contains("A, after selection: 4"), page);
        assertTrue(page.contains(">9 + 1 + 2 = 12<"), "the judge step's items by status");
    }

    @Test
    void theReasonsWithTheirMeaningAndTheCostPerStage() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        assertTrue(page.contains("<td>order_inconsistent</td><td class=\"n\">1</td><td>the two orders"), page);
        assertTrue(page.contains("<td>rate_limited</td><td class=\"n\">2</td><td>a teacher call gave no usable"), page);
        assertTrue(
                page.contains("<td>judge</td><td class=\"n\">12</td><td class=\"n\">0</td><td class=\"n\">1,200</td>"),
                "judge: calls, stored, prompt tokens");
        assertTrue(page.contains("<td class=\"n\">$0.5000</td><td class=\"n\">1.5 s</td>"), "judge's cost and time");
        assertTrue(page.contains("<th>total</th><td class=\"n\">21</td>"), page);
    }

    @Test
    void theReconciliationMarksAStepThatDoesNotBalance() {
        List<StageReport> off = List.of(new StageReport(
                "score", List.of(step("logprob-calls", 10, 7, 1, 0, Map.of("error", 1L))), 7, Map.of(), 10));
        String page = ReportPage.render(new ReportData(manifest(off), BALANCE, HISTOGRAM));
        assertTrue(page.contains("<td class=\"bad\">off by 2</td>"), page);
        assertTrue(page.contains("Some step does not reconcile"), page);
        String balanced = ReportPage.render(new ReportData(manifest(STAGES), BALANCE, HISTOGRAM));
        assertEquals(
                2,
                Pattern.compile("<td class=\"ok\">balanced</td>")
                        .matcher(balanced)
                        .results()
                        .count());
        assertTrue(balanced.contains("Every step reconciles."));
    }

    @Test
    void aRunWithoutHistogramsSaysSo() {
        String page = ReportPage.render(new ReportData(manifest(STAGES), Map.of(), null));
        assertTrue(page.contains("The select stage recorded no balance report."));
        assertTrue(page.contains("The select stage recorded no IFD histogram."));
        assertTrue(page.contains("<h2>Reconciliation</h2>"));
    }
}
