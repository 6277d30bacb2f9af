package io.judgeforge.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ProgressSnapshot} as the live line,
 * {@code [judge pointwise-calls] 412/960 items 42% | 18.2 req/s | 5,310 tok/s | 429s 3 | in flight 6 | $0.42 | ETA
 * 0:31}, as a bar redrawn in place, or as the step's last line. Rates are averages since the step began: the figures
 * reach the driver in jumps (a heartbeat, a task's end), so a rate over the last few seconds would swing between zero
 * and double.
 */
public final class ProgressLine {
    static final int BAR_CELLS = 20;
    static final int MIN_BAR_CELLS = 8;
    static final String UNKNOWN = "?";

    private ProgressLine() {}

    /** One line, for logs: label, count, and while the step runs its rates, in-flight requests, USD and ETA. */
    public static String plain(ProgressSnapshot s) {
        List<String> parts = calls(s, true);
        parts.add(eta(s));
        return line(head(s) + " " + count(s), parts);
    }

    /**
     * A bar, kept shorter than {@code columns} so that a carriage return redraws it in place: the ETA comes first,
     * and where the line is too long the bar narrows, then the last figures are left out, then the line is cut.
     */
    public static String bar(ProgressSnapshot s, int columns) {
        int room = Math.max(1, columns - 1);
        List<String> parts = calls(s, true);
        parts.add(0, eta(s));
        int cells = BAR_CELLS;
        while (true) {
            String bar = s.total() > 0 ? " [" + cells(s.done(), s.total(), cells) + "]" : "";
            String line = line(head(s) + bar + " " + count(s), parts);
            if (line.length() <= room) {
                return line;
            }
            if (!bar.isEmpty() && cells > MIN_BAR_CELLS) {
                cells--;
            } else if (parts.size() > 1) {
                parts.remove(parts.size() - 1);
            } else {
                return line.substring(0, room);
            }
        }
    }

    /** The step's last line: its rates over the whole step, its USD, and the time it took. */
    public static String finished(ProgressSnapshot s) {
        List<String> parts = calls(s, false);
        parts.add("took " + clock(s.elapsedMs()));
        return line(head(s) + " " + count(s), parts);
    }

    private static String head(ProgressSnapshot s) {
        return "[" + s.label() + "]";
    }

    private static String line(String start, List<String> parts) {
        return parts.isEmpty() ? start : start + " | " + String.join(" | ", parts);
    }

    /** {@code 412/960 items 42%}; {@code 412 items} when the total is unknown. */
    static String count(ProgressSnapshot s) {
        if (s.total() < 0) {
            return String.format(Locale.US, "%,d %s", s.done(), s.unit());
        }
        String count = String.format(Locale.US, "%,d/%,d %s", s.done(), s.total(), s.unit());
        return s.total() == 0 ? count : count + " " + percent(s.done(), s.total()) + "%";
    }

    /** A calling step's rates, 429s, requests in flight (while it runs) and USD; none for other steps. */
    private static List<String> calls(ProgressSnapshot s, boolean live) {
        List<String> parts = new ArrayList<>();
        ProgressSnapshot.Calls calls = s.calls();
        if (calls != null) {
            parts.add(String.format(Locale.US, "%.1f req/s", perSecond(calls.requests(), s.elapsedMs())));
            parts.add(String.format(Locale.US, "%,d tok/s", Math.round(perSecond(calls.tokens(), s.elapsedMs()))));
            parts.add("429s " + calls.rateLimited());
            if (live) {
                parts.add("in flight " + calls.inFlight());
            }
            parts.add(usd(calls.usd()));
        }
        return parts;
    }

    private static String eta(ProgressSnapshot s) {
        long eta = etaMs(s.done(), s.total(), s.elapsedMs());
        return "ETA " + (eta < 0 ? UNKNOWN : clock(eta));
    }

    /** Whole percent done, floored (99% until the last item is in), within 0 and 100. */
    static int percent(long done, long total) {
        if (total <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, done * 100 / total));
    }

    /** {@code count} per second over {@code elapsedMs}; 0 before any time has passed. */
    static double perSecond(long count, long elapsedMs) {
        return elapsedMs <= 0 ? 0 : count * 1000.0 / elapsedMs;
    }

    /**
     * Time left at the pace so far: what is left divided by the items per millisecond done; 0 once all are done, -1
     * while nothing is done yet or the total is unknown.
     */
    static long etaMs(long done, long total, long elapsedMs) {
        if (total < 0) {
            return -1;
        }
        if (done >= total) {
            return 0;
        }
        if (done <= 0 || elapsedMs <= 0) {
            return -1;
        }
        return Math.round((total - done) * (double) elapsedMs / done);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour on, to the nearest second. */
    static String clock(long ms) {
        long seconds = Math.round(Math.max(0, ms) / 1000.0);
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long sec = seconds % 60;
        return h > 0
                ? String.format(Locale.US, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.US, "%d:%02d", m, sec);
    }

    /** Cents, or four decimals for less than ten cents, where cheap models spend. */
    static String usd(double usd) {
        return usd > 0 && usd < 0.1 ? String.format(Locale.US, "$%.4f", usd) : String.format(Locale.US, "$%,.2f", usd);
    }

    /** {@code cells} characters: {@code =} for what is done, {@code >} at the front, blanks for the rest. */
    static String cells(long done, long total, int cells) {
        int filled = (int) Math.max(0, Math.min(cells, done * cells / total));
        StringBuilder bar = new StringBuilder("=".repeat(filled));
        if (filled < cells) {
            bar.append('>').append(" ".repeat(cells - filled - 1));
        }
        return bar.toString();
    }
}
