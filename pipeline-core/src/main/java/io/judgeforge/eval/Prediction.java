package io.judgeforge.eval;

import java.util.Objects;

/**
 * A judge's prediction for one benchmark id, already turned into {@link Rating}s.
 *
 * @param rating the verdict or score as the benchmark presents the item
 * @param swapped pairwise only: the verdict with the two responses shown in swapped order, mapped back to the
 *     original numbering; {@code null} when the predictions give none for this id
 */
public record Prediction(String id, Rating rating, Rating swapped) {
    public Prediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rating, "rating");
    }

    public Prediction(String id, Rating rating) {
        this(id, rating, null);
    }
}
