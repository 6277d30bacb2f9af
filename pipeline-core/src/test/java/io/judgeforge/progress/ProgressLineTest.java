package io.judgeforge.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.progress.ProgressSnapshot.Calls;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    static final String JUDGE = "judge pointwise-calls";

    /** 400 of 960 items in 20 s, 364 requests, 106,200 tokens, 3 429s, 6 in flight, $0.42. */
    static ProgressSnapshot judging(long done, long total, long elapsedMs) {
        return new ProgressSnapshot(JUDGE, "items", done, total, elapsedMs, new Calls(364, 106_200, 3, 6, 0.42));
    }

    @Test
    void aLiveLineHasCountRatesRateLimitsInFlightCostAndEta() {
        // 560 left at 400 per 20 s: 28 s.
        assertEquals(
                "[judge pointwise-calls] 400/960 items 41% | 18.2 req/s | 5,310 tok/s | 429s 3 | in flight 6 | $0.42"
                        + " | ETA 0:28",
                ProgressLine.plain(judging(400, 960, 20_000)));
    }

    @Test
    void theLastLineGivesTheTimeTakenInsteadOfInFlightAndEta() {
        assertEquals(
                "[judge pointwise-calls] 960/960 items 100% | 6.1 req/s | 1,770 tok/s | 429s 3 | $0.42 | took 1:00",
                ProgressLine.finished(judging(960, 960, 60_000)));
    }

    @Test
    void aStepWithoutCallsShowsItsCountAndEtaOnly() {
        assertEquals(
                "[select] 3/8 tasks 37% | ETA 0:05",
                ProgressLine.plain(new ProgressSnapshot("select", "tasks", 3, 8, 3_000, null)));
    }

    @Test
    void nothingDoneOrNoTimePassedGivesZeroRatesAndAnUnknownEta() {
        assertEquals(
                "[judge pointwise-calls] 0/960 items 0% | 0.0 req/s | 0 tok/s | 429s 3 | in flight 6 | $0.42 | ETA ?",
                ProgressLine.plain(judging(0, 960, 0)));
        assertEquals(-1, ProgressLine.etaMs(0, 960, 5_000));
        assertEquals(-1, ProgressLine.etaMs(10, 960, 0));
        assertEquals(0.0, ProgressLine.perSecond(500, 0));
        assertEquals(0.0, ProgressLine.perSecond(500, -3));
    }

    @Test
    void anUnknownTotalShowsTheCountAloneAndNoEta() {
        ProgressSnapshot s = new ProgressSnapshot("generate teacher-calls", "items", 1_234, -1, 10_000, null);
        assertEquals("[generate teacher-calls] 1,234 items | ETA ?", ProgressLine.plain(s));
        assertEquals("[generate teacher-calls] 1,234 items | ETA ?", ProgressLine.bar(s, 120));
    }

    @Test
    void anEmptyStepIsDoneAtOnce() {
        assertEquals(
                "[classify teacher-calls] 0/0 items | ETA 0:00",
                ProgressLine.plain(new ProgressSnapshot("classify teacher-calls", "items", 0, 0, 0, null)));
        assertEquals(0, ProgressLine.percent(0, 0));
    }

    @Test
    void moreDoneThanTheTotalStaysAtAHundredPercent() {
        // A retried task's items reach the accumulators twice; the line is only a display.
        assertEquals(100, ProgressLine.percent(970, 960));
        assertEquals(0, ProgressLine.etaMs(970, 960, 1_000));
        assertEquals("=".repeat(20), ProgressLine.cells(970, 960, 20));
    }

    @Test
    void percentIsFlooredSoAHundredMeansAll() {
        assertEquals(99, ProgressLine.percent(959, 960));
        assertEquals(100, ProgressLine.percent(960, 960));
    }

    @Test
    void etaIsWhatIsLeftAtThePaceSoFar() {
        assertEquals(28_000, ProgressLine.etaMs(400, 960, 20_000));
        assertEquals(3 * 3_600_000L, ProgressLine.etaMs(1, 4, 3_600_000));
    }

    @Test
    void clockShowsMinutesAndSecondsAndHoursFromAnHourOn() {
        Map.of(
                        0L, "0:00",
                        59_400L, "0:59",
                        59_600L, "1:00",
                        3_599_000L, "59:59",
                        3_600_000L, "1:00:00",
                        3_723_000L, "1:02:03")
                .forEach((ms, shown) -> assertEquals(shown, ProgressLine.clock(ms), ms + " ms"));
    }

    @Test
    void usdShowsFourDecimalsBelowTenCents() {
        Map.of(0.0, "$0.00", 0.0042, "$0.0042", 0.42, "$0.42", 1234.5, "$1,234.50")
                .forEach((usd, shown) -> assertEquals(shown, ProgressLine.usd(usd)));
    }

    @Test
    void theBarFillsInProportionWithAnArrowAtItsFrontAndTheEtaComesFirst() {
        assertEquals(">" + " ".repeat(19), ProgressLine.cells(0, 960, 20));
        assertEquals("=".repeat(8) + ">" + " ".repeat(11), ProgressLine.cells(400, 960, 20));
        assertEquals(
                "[judge pointwise-calls] [========>           ] 400/960 items 41% | ETA 0:28 | 18.2 req/s | 5,310 tok/s"
                        + " | 429s 3 | in flight 6 | $0.42",
                ProgressLine.bar(judging(400, 960, 20_000), 200));
    }

    @Test
    void onANarrowTerminalTheBarNarrowsThenTheLastFiguresGoSoTheLineNeverWraps() {
        String wide = ProgressLine.bar(judging(400, 960, 20_000), 200);
        String narrower = ProgressLine.bar(judging(400, 960, 20_000), wide.length() - 5 + 1);
        assertEquals(wide.replace("[========>           ]", "[======>        ]"), narrower);
        assertEquals(
                "[judge pointwise-calls] [===>    ] 400/960 items 41% | ETA 0:28 | 18.2 req/s",
                ProgressLine.bar(judging(400, 960, 20_000), 80));
        assertEquals(
                "[judge pointwise-calls] [===>    ] 400/960 items 41% | ETA 0:28".substring(0, 29),
                ProgressLine.bar(judging(400, 960, 20_000), 30));
    }

    @Test
    void autoIsABarOnATerminalAndPlainLinesElsewhere() {
        assertEquals(ProgressStyle.BAR, ProgressStyle.of("auto").on(true));
        assertEquals(ProgressStyle.PLAIN, ProgressStyle.of("auto").on(false));
        assertEquals(ProgressStyle.PLAIN, ProgressStyle.of("plain").on(true));
        assertEquals(ProgressStyle.BAR, ProgressStyle.of("bar").on(false));
        assertEquals(ProgressStyle.OFF, ProgressStyle.of("off").on(true));
    }
}
