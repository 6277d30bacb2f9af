package io.judgeforge.eval;

import java.nio.file.Path;

/**
 * What {@link JudgePredictions#write} did.
 *
 * @param file the predictions file written
 * @param items benchmark rows, each with one row in the file
 * @param calls judge calls made (pairwise: two per row)
 * @param failedCalls calls that failed after the client's retries; their rows carry an empty text and an error
 */
public record JudgeSummary(Path file, int items, int calls, int failedCalls) {}
