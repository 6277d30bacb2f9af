package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.progress.ProgressLine;
import io.judgeforge.progress.ProgressSnapshot;
import io.judgeforge.progress.ProgressStyle;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    static final ProgressSnapshot RUNNING = new ProgressSnapshot(
            "judge pointwise-calls", "items", 400, 960, 20_000, new ProgressSnapshot.Calls(364, 106_200, 3, 6, 0.42));
    static final ProgressSnapshot YOUNG = new ProgressSnapshot("select", "tasks", 1, 8, 100, null);

    final StringWriter written = new StringWriter();

    ConsoleProgress console(ProgressStyle style) {
        return new ConsoleProgress(new PrintWriter(written), style, 5_000, 200);
    }

    @Test
    void plainLinesFollowEachOtherAndAStepEndsWithItsLastLine() {
        ConsoleProgress console = console(ProgressStyle.PLAIN);
        console.say("[judge] grade each answer");
        console.draw(RUNNING);
        console.draw(null);
        console.draw(YOUNG);
        console.finished(RUNNING);
        assertEquals(
                "[judge] grade each answer\n" + ProgressLine.plain(RUNNING) + "\n" + ProgressLine.finished(RUNNING)
                        + "\n",
                written.toString());
    }

    @Test
    void aBarIsRedrawnInPlaceAndWipedBeforeAnOrdinaryLine() {
        ConsoleProgress console = console(ProgressStyle.BAR);
        console.draw(RUNNING);
        String bar = ProgressLine.bar(RUNNING, 200);
        assertEquals("\r" + bar, written.toString());
        ProgressSnapshot shorter =
                new ProgressSnapshot("classify teacher-calls", "items", 5, 60, 6_000, RUNNING.calls());
        console.draw(shorter);
        String second = ProgressLine.bar(shorter, 200);
        String padding = " ".repeat(bar.length() - second.length());
        assertEquals("\r" + bar + "\r" + second + padding, written.toString());
        console.say("[classify] done in 6.0 s");
        assertEquals(
                "\r" + bar + "\r" + second + padding + "\r" + " ".repeat(second.length()) + "\r"
                        + "[classify] done in 6.0 s\n",
                written.toString());
    }

    @Test
    void offDrawsNothingButOrdinaryLines() {
        ConsoleProgress console = console(ProgressStyle.OFF);
        console.finished(RUNNING);
        console.say("run r1 -> out/runs/r1");
        console.close();
        assertEquals("run r1 -> out/runs/r1\n", written.toString());
    }
}
