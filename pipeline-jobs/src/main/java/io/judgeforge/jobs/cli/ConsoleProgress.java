package io.judgeforge.jobs.cli;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.progress.ProgressLine;
import io.judgeforge.progress.ProgressSnapshot;
import io.judgeforge.progress.ProgressStyle;
import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;

/**
 * The run's console: its ordinary lines (a stage's start and end, notices) and the live progress line, drawn every
 * {@code progress.interval-ms} from what a {@link ProgressListener} knows, as a bar redrawn in place on a terminal or
 * as plain lines elsewhere ({@code progress.style}). An ordinary line first wipes the bar, so the two never mix on
 * one line; each teacher step ends with a line of its own.
 */
final class ConsoleProgress implements PipelineContext.Progress, AutoCloseable {
    static final int DEFAULT_COLUMNS = 120;

    private final PrintWriter out;
    private final ProgressStyle style;
    private final long intervalMs;
    private final int columns;
    private ScheduledExecutorService ticker;
    private SparkContext followed;
    private ProgressListener listener;
    private int drawn;

    ConsoleProgress(PrintWriter out, ProgressStyle style, long intervalMs, int columns) {
        this.out = out;
        this.style = style;
        this.intervalMs = intervalMs;
        this.columns = columns;
    }

    /** The console of a run configured by {@code settings}, on the terminal or not that this JVM's output is. */
    static ConsoleProgress of(PrintWriter out, PipelineConfig.ProgressSettings settings) {
        return new ConsoleProgress(
                out, ProgressStyle.of(settings.style()).on(terminal()), settings.intervalMs(), columns());
    }

    /** A listener whose steps end on this console; {@link #follow} starts drawing what it knows. */
    ProgressListener listener() {
        return new ProgressListener(this::finished);
    }

    /** Draws {@code listener}'s progress every interval until {@link #close}, which also removes it from {@code sc}. */
    synchronized void follow(SparkContext sc, ProgressListener listener) {
        this.followed = sc;
        this.listener = listener;
        if (style == ProgressStyle.OFF) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "judgeforge-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> draw(listener.snapshot()), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void say(String line) {
        wipe();
        out.println(line);
        out.flush();
    }

    /** A live line; a step or Spark stage younger than one interval is not shown, its end line will be. */
    synchronized void draw(ProgressSnapshot snapshot) {
        if (snapshot == null || snapshot.elapsedMs() < intervalMs) {
            return;
        }
        if (style == ProgressStyle.BAR) {
            String line = ProgressLine.bar(snapshot, columns);
            out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            drawn = line.length();
        } else {
            out.println(ProgressLine.plain(snapshot));
        }
        out.flush();
    }

    /** A teacher step's last line. */
    synchronized void finished(ProgressSnapshot snapshot) {
        if (style != ProgressStyle.OFF) {
            say(ProgressLine.finished(snapshot));
        }
    }

    private void wipe() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (followed != null) {
            followed.removeSparkListener(listener);
        }
        wipe();
        out.flush();
    }

    /**
     * Whether this JVM writes to a terminal. Before Java 22 a console exists only when neither input nor output is
     * redirected; from 22 on it exists anyway, and {@code Console.isTerminal()} tells.
     */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The terminal's width where the shell exports {@code COLUMNS}, else {@value #DEFAULT_COLUMNS}. */
    static int columns() {
        String columns = System.getenv("COLUMNS");
        try {
            return columns == null ? DEFAULT_COLUMNS : Math.max(40, Integer.parseInt(columns.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }
}
