package io.judgeforge.eval;

import java.util.Objects;

/**
 * One human-labelled benchmark row.
 *
 * @param id the row's id, as text (a JSON number id is read as its text, so {@code 7} and {@code "7"} match)
 * @param scenario the scenario, or {@code null} when the row has none (it then counts in the overall figures only)
 * @param human pointwise: the human score on the scale; pairwise: 1, 2 or 0 (tie)
 */
public record BenchmarkItem(String id, String scenario, double human) {
    public BenchmarkItem {
        Objects.requireNonNull(id, "id");
    }
}
