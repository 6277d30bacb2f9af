package io.judgeforge.progress;

import java.util.Locale;

/** How the live progress is drawn ({@code progress.style}). */
public enum ProgressStyle {
    /** A bar on a terminal, plain lines otherwise. */
    AUTO,
    /** One line redrawn in place with a carriage return. */
    BAR,
    /** One new line each time: for logs, cron and CI. */
    PLAIN,
    /** No live line; a stage still says when it starts and ends. */
    OFF;

    /** The style of a {@code progress.style} value (checked by the config binding). */
    public static ProgressStyle of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** What {@link #AUTO} means where the output is, or is not, a terminal; the other styles stay as they are. */
    public ProgressStyle on(boolean terminal) {
        if (this != AUTO) {
            return this;
        }
        return terminal ? BAR : PLAIN;
    }
}
