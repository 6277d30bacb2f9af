package io.judgeforge.eval;

import java.util.List;
import java.util.Objects;

/**
 * The choices of one meta-evaluation, as the command line gives them.
 *
 * @param mode pointwise or pairwise
 * @param ratingFormat how {@code pred_text} is read: {@code themis}, {@code result}, {@code last}, {@code regex:...}
 * @param scale the benchmark's pointwise score scale
 * @param predictionScale the scale of the judge's pointwise predictions (usually {@code scale})
 * @param aggregate the figures the normalised aggregate averages; empty for the mode's default
 *     ({@link #defaultAggregate})
 * @param bootstrap how the confidence intervals are drawn
 */
public record MetaEvalOptions(
        EvalMode mode,
        String ratingFormat,
        Scale scale,
        PredictionScale predictionScale,
        List<Metric> aggregate,
        BootstrapSettings bootstrap) {
    public MetaEvalOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(ratingFormat, "ratingFormat");
        aggregate = List.copyOf(aggregate);
    }

    /** Defaults apart from the mode, format and scale: the predictions on the benchmark's scale, 1000 resamples. */
    public static MetaEvalOptions of(EvalMode mode, String ratingFormat, Scale scale) {
        return new MetaEvalOptions(
                mode, ratingFormat, scale, PredictionScale.of(scale), List.of(), BootstrapSettings.DEFAULT);
    }

    public MetaEvalOptions withBootstrap(BootstrapSettings settings) {
        return new MetaEvalOptions(mode, ratingFormat, scale, predictionScale, aggregate, settings);
    }

    public MetaEvalOptions withPredictionScale(PredictionScale value) {
        return new MetaEvalOptions(mode, ratingFormat, scale, value, aggregate, bootstrap);
    }

    public MetaEvalOptions withAggregate(List<Metric> metrics) {
        return new MetaEvalOptions(mode, ratingFormat, scale, predictionScale, metrics, bootstrap);
    }

    /** The figures the aggregate averages: as given, else the mode's default. */
    public List<Metric> aggregateMetrics() {
        return aggregate.isEmpty() ? defaultAggregate(mode, predictionScale) : aggregate;
    }

    /**
     * The default aggregate: pointwise, the paper's own pair MAE and Agr(2,2); a judge on a scale of its own has only
     * correlations, so their mean; pairwise, accuracy, the figure the paper reports for its pairwise task.
     */
    public static List<Metric> defaultAggregate(EvalMode mode, PredictionScale predictionScale) {
        if (mode == EvalMode.PAIRWISE) {
            return List.of(Metric.ACCURACY);
        }
        return predictionScale.sameAsBenchmark()
                ? List.of(Metric.MAE, Metric.AGR_2_2)
                : List.of(Metric.PEARSON, Metric.SPEARMAN, Metric.KENDALL_TAU_B);
    }
}
