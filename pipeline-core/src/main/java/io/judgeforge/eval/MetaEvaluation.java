package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Measures a judge's predictions against a human-labelled benchmark: reads both tables, pairs predictions with
 * items by id and computes the figures overall and per scenario, their z-values, the normalised aggregate and the
 * bootstrap intervals. The command line and tests both call {@link #run}, so what is tested is what runs.
 *
 * <p>Pairing by id: a benchmark item without a prediction is scored as wrong (see {@link MetaMetrics}); a
 * prediction whose id is not in the benchmark is ignored but counted, since it usually means the two files come
 * from different versions of the benchmark.
 */
public final class MetaEvaluation {
    /** How many missing-prediction examples a result keeps for the report. */
    public static final int MISSING_EXAMPLES = 5;

    private MetaEvaluation() {}

    /** Local files, default options apart from the bootstrap, which is off: what most tests need. */
    public static MetaEvalResult run(Path bench, Path pred, EvalMode mode, String ratingFormat, Scale scale) {
        return run(
                bench.toString(),
                pred.toString(),
                MetaEvalOptions.of(mode, ratingFormat, scale).withBootstrap(BootstrapSettings.OFF),
                TableReader.LOCAL);
    }

    /**
     * Runs the meta-evaluation.
     *
     * @param source where the two tables are read from
     * @throws ConfigException for a bad option or an unusable file, naming the file, line and id
     */
    public static MetaEvalResult run(String bench, String pred, MetaEvalOptions options, TableReader.Source source) {
        EvalMode mode = options.mode();
        // Checked before any file is read, so a bad regex or format fails at once.
        RatingParser parser = RatingParser.of(options.ratingFormat(), mode, options.scale(), options.predictionScale());
        List<BenchmarkItem> items = EvalInputReader.readBenchmark(source, bench, mode, options.scale());
        Map<String, Prediction> predictions = EvalInputReader.readPredictions(source, pred, parser, mode);

        Set<String> ids = new HashSet<>();
        SortedMap<String, List<BenchmarkItem>> scenarios = new TreeMap<>();
        for (BenchmarkItem item : items) {
            ids.add(item.id());
            if (item.scenario() != null) {
                scenarios
                        .computeIfAbsent(item.scenario(), s -> new ArrayList<>())
                        .add(item);
            }
        }
        int unmatched = (int)
                predictions.keySet().stream().filter(id -> !ids.contains(id)).count();
        boolean ordersGiven = predictions.values().stream().anyMatch(p -> p.swapped() != null);
        boolean wholeHumanScores = items.stream().allMatch(item -> item.human() == Math.rint(item.human()));
        double[] worst = worstValues(options, items, predictions);

        // The whole benchmark first, then the scenarios in name order: the z-values compare all of them.
        Map<String, MetaMetrics> groups = new LinkedHashMap<>();
        groups.put(null, group(options, worst, ordersGiven, wholeHumanScores, items, predictions));
        scenarios.forEach((scenario, group) ->
                groups.put(scenario, group(options, worst, ordersGiven, wholeHumanScores, group, predictions)));
        List<Metrics> figures =
                groups.values().stream().map(MetaMetrics::compute).toList();
        List<Metric> aggregate = checkedAggregate(options, figures.get(0));
        List<Map<Metric, Double>> z = ZValues.of(scenarios.isEmpty() ? List.of(figures.get(0)) : figures);

        SplittableRandom rng = new SplittableRandom(options.bootstrap().seed());
        List<GroupResult> results = new ArrayList<>();
        int i = 0;
        for (MetaMetrics group : groups.values()) {
            Metrics m = figures.get(i);
            // One stream per group, split in a fixed order, so a group's interval does not depend on the others' sizes.
            SplittableRandom groupRng = rng.split();
            Bootstrap.Intervals ci = options.bootstrap().enabled()
                    ? Bootstrap.intervals(group, aggregate, options.bootstrap(), groupRng)
                    : new Bootstrap.Intervals(Map.of(), null);
            results.add(new GroupResult(m, m.normalised(aggregate), ci.metrics(), ci.normalised(), z.get(i)));
            i++;
        }
        SortedMap<String, GroupResult> byScenario = new TreeMap<>();
        int k = 1;
        for (String scenario : scenarios.keySet()) {
            byScenario.put(scenario, results.get(k++));
        }

        int withoutPrediction = 0;
        List<String> examples = new ArrayList<>();
        for (BenchmarkItem item : items) {
            Prediction prediction = predictions.get(item.id());
            String reason = null;
            if (prediction == null) {
                withoutPrediction++;
                reason = "no prediction with this id";
            } else if (prediction.rating() instanceof Rating.Unusable unusable) {
                reason = unusable.reason();
            } else if (prediction.swapped() instanceof Rating.Unusable unusable) {
                reason = "swapped order: " + unusable.reason();
            }
            if (reason != null && examples.size() < MISSING_EXAMPLES) {
                examples.add(item.id() + ": " + reason);
            }
        }
        return new MetaEvalResult(
                options,
                bench,
                pred,
                ordersGiven,
                aggregate,
                results.get(0),
                byScenario,
                unmatched,
                withoutPrediction,
                examples);
    }

    private static MetaMetrics group(
            MetaEvalOptions options,
            double[] worst,
            boolean ordersGiven,
            boolean whole,
            List<BenchmarkItem> items,
            Map<String, Prediction> predictions) {
        return new MetaMetrics(
                options.mode(),
                options.scale(),
                options.predictionScale(),
                worst[0],
                worst[1],
                ordersGiven,
                whole,
                items,
                predictions);
    }

    /**
     * The low and high worst values that stand in for a missing pointwise prediction: the prediction scale's ends,
     * or, for an unbounded scale, the lowest and highest usable prediction (0 and 0 if there is none, which leaves
     * the correlations undefined, as they are).
     */
    private static double[] worstValues(
            MetaEvalOptions options, List<BenchmarkItem> items, Map<String, Prediction> predictions) {
        PredictionScale scale = options.predictionScale();
        if (scale.bounded()) {
            return new double[] {scale.min(), scale.max()};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BenchmarkItem item : items) {
            Prediction p = predictions.get(item.id());
            if (p != null && p.rating() instanceof Rating.Value v) {
                low = Math.min(low, v.value());
                high = Math.max(high, v.value());
            }
        }
        return low > high ? new double[] {0, 0} : new double[] {low, high};
    }

    /**
     * The aggregate's figures, each of which must be computed here and have a random-guessing value. The default
     * keeps the ones this benchmark has (averaged human scores have no Agr(2,2), so MAE stands alone); figures asked
     * for by name must all be there.
     */
    private static List<Metric> checkedAggregate(MetaEvalOptions options, Metrics overall) {
        List<Metric> aggregate = options.aggregate().isEmpty()
                ? options.aggregateMetrics().stream().filter(overall::has).toList()
                : options.aggregateMetrics();
        for (Metric m : aggregate) {
            if (!overall.has(m)) {
                throw ConfigException.invalid(
                        "--aggregate",
                        m.key(),
                        "figures this run computes: "
                                + Metric.keys(List.copyOf(overall.values().keySet())));
            }
            if (!overall.random().containsKey(m)) {
                throw ConfigException.invalid(
                        "--aggregate",
                        m.key(),
                        "figures with a random-guessing value: "
                                + Metric.keys(List.copyOf(overall.random().keySet())));
            }
        }
        return aggregate;
    }
}
