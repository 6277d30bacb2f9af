package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;

/**
 * The pointwise score scale, both ends included (Themis: 1 to 5). It bounds what a usable prediction may be and
 * sets the penalty for a missing one.
 */
public record Scale(int min, int max) {
    public Scale {
        ConfigException.check(min < max, "--max-score", max, "an integer greater than --min-score " + min);
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    /**
     * The largest error any prediction on the scale can make for this human score: what a missing prediction
     * costs in MAE, so that a judge cannot improve its MAE by failing to answer on hard items.
     */
    public double maxError(double human) {
        return Math.max(human - min, max - human);
    }

    @Override
    public String toString() {
        return min + "-" + max;
    }
}
