package io.judgeforge.eval;

import java.util.Objects;

/** A judge's prediction for one benchmark id, already turned into a {@link Rating}. */
public record Prediction(String id, Rating rating) {
  public Prediction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rating, "rating");
  }
}
