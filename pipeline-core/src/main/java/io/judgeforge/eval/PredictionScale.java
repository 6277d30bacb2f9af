package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The range a judge's pointwise predictions may take ({@code --pred-scale}). By default it is the benchmark's own
 * scale, and every metric applies. A scorer that outputs on a scale of its own (UniEval's probabilities, a reward
 * model's logits) can still be measured by correlation: give its range, or {@code any} for unbounded values. Then
 * the figures that compare values directly (MAE, Agr(2,2), accuracy, kappa, macro P/R/F1) are not computed, since a
 * 0.9 and a human 3 cannot be compared; only correlations are.
 *
 * @param min lowest usable prediction, or {@code null} for no bound
 * @param max highest usable prediction, or {@code null} for no bound
 * @param sameAsBenchmark whether this is the benchmark's scale, so that values compare directly
 */
public record PredictionScale(Double min, Double max, boolean sameAsBenchmark) {
    public static final String FLAG = "--pred-scale";

    private static final Pattern RANGE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)-(-?\\d+(?:\\.\\d+)?)");

    public PredictionScale {
        ConfigException.check((min == null) == (max == null), FLAG, min + "-" + max, "both bounds or neither");
        ConfigException.check(min == null || min < max, FLAG, min + "-" + max, "MIN-MAX with MIN below MAX");
    }

    /** The benchmark's scale: predictions compare directly with human scores. */
    public static PredictionScale of(Scale scale) {
        return new PredictionScale((double) scale.min(), (double) scale.max(), true);
    }

    /**
     * Reads {@code --pred-scale}: blank or {@code same} for the benchmark's scale, {@code any}, or {@code MIN-MAX}
     * (decimals allowed, {@code -1-1} is -1 to 1). A range equal to the benchmark's counts as the same scale.
     */
    public static PredictionScale parse(String text, Scale benchmark) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.equals("same")) {
            return of(benchmark);
        }
        if (value.equals("any")) {
            return new PredictionScale(null, null, false);
        }
        Matcher m = RANGE.matcher(value);
        if (!m.matches()) {
            throw ConfigException.invalid(FLAG, value, "same, any or MIN-MAX (e.g. 0-1)");
        }
        double min = Double.parseDouble(m.group(1));
        double max = Double.parseDouble(m.group(2));
        return new PredictionScale(min, max, min == benchmark.min() && max == benchmark.max());
    }

    public boolean bounded() {
        return min != null;
    }

    public boolean contains(double value) {
        return Double.isFinite(value) && (min == null || (value >= min && value <= max));
    }

    @Override
    public String toString() {
        return bounded() ? format(min) + "-" + format(max) : "any";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
