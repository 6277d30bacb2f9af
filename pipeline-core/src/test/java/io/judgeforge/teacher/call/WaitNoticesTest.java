package io.judgeforge.teacher.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A long or capped wait is said on the console, where the run's progress is shown, and kept within the cap. */
class WaitNoticesTest {
    @Test
    void aCappedWaitIsAnnouncedOnceWithTheKeyThatCapsIt() {
        PrintStream console = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        long first;
        long second;
        try {
            WaitNotices notices = WaitNotices.of("notice-test-" + System.nanoTime());
            first = notices.capped(360_000, 60_000, "x-ratelimit-reset-requests", "gpt-4o");
            second = notices.capped(360_000, 60_000, "x-ratelimit-reset-requests", "gpt-4o");
        } finally {
            System.setErr(console);
        }
        assertEquals(60_000, first);
        assertEquals(60_000, second);
        String text = seen.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.matches(
                        "(?s)judgeforge: endpoint notice-test-\\d+ \\(gpt-4o\\) asked to wait 360\\.0 s"
                                + " \\(x-ratelimit-reset-requests\\); waiting 60\\.0 s, capped by endpoints\\.notice-test-\\d+\\.max-wait-ms\\R"),
                text);
    }

    @Test
    void aShortWaitWithinTheCapIsKeptAndNotAnnounced() {
        PrintStream console = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            assertEquals(250, WaitNotices.of("quiet-" + System.nanoTime()).capped(250, 60_000, "retry-after-ms", "m"));
        } finally {
            System.setErr(console);
        }
        assertEquals("", seen.toString(StandardCharsets.UTF_8));
    }
}
