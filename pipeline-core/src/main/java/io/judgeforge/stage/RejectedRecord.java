package io.judgeforge.stage;

/**
 * A work item that was filtered or quarantined, kept with its reason and its input so nothing is
 * lost: {@code OUT/runs/<run>/<stage>/filtered/} and {@code .../quarantine/}.
 */
public record RejectedRecord(
        String stage,
        String step,
        String status,
        String itemId,
        String scenario,
        String reason,
        String detail,
        String input) {}
