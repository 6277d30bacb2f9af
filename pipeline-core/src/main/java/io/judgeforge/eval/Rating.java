package io.judgeforge.eval;

/**
 * What a judge's prediction for one item amounts to: a usable value, or the reason there is none. There is no
 * third case and no default value: an unusable prediction is scored as wrong, never dropped or guessed.
 */
public sealed interface Rating permits Rating.Value, Rating.Unusable {
    /** A score on the scale (pointwise) or a label 1, 2, 0 (pairwise). */
    record Value(double value) implements Rating {}

    /** A prediction that is empty, cannot be parsed, or is off the scale; {@code reason} says which. */
    record Unusable(String reason) implements Rating {}
}
