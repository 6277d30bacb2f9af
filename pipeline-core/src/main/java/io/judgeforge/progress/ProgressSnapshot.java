package io.judgeforge.progress;

/**
 * What one step has done so far, as the live line shows it: {@code done} of {@code total} {@code unit}s
 * ({@code total < 0}: unknown) in {@code elapsedMs}, and, for a step that calls a teacher, its {@link Calls}
 * (null otherwise).
 */
public record ProgressSnapshot(String label, String unit, long done, long total, long elapsedMs, Calls calls) {

    /**
     * A calling step's figures: requests put on the wire (retries included), tokens and USD of the items done,
     * 429s answered, and requests on the wire now.
     */
    public record Calls(long requests, long tokens, long rateLimited, long inFlight, double usd) {}
}
