package io.judgeforge.report;

import java.util.List;

/**
 * One series of a chart: its name in the legend, its fill (a CSS colour) and one value per category or bin.
 * Values are counts, so they are never negative.
 */
public record Series(String name, String color, List<Long> values) {
    public Series {
        values = List.copyOf(values);
        if (values.stream().anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("Series " + name + " has a negative count: " + values);
        }
    }
}
