package io.judgeforge.eval;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Agreement between a judge and human labels for one group of items, computed from the definitions in
 * {@link Statistics}. The group's items are held as arrays so that the same code scores the group itself and each
 * bootstrap resample of its rows ({@link #compute(int[])}).
 *
 * <p><b>Every benchmark item counts.</b> An item whose prediction is absent, unparseable or off the scale is
 * counted in {@code missing} and scored as wrong, never dropped: dropping would reward a judge for failing on
 * exactly the items it finds hard, and a fixed stand-in score (the midpoint, the minimum) would sometimes be right
 * by accident. In detail:
 * <ul>
 *   <li>accuracy and Agr(2,2): 0 for the item;
 *   <li>MAE: the largest error possible for the item on the scale, {@code max(human - min, max - human)};
 *   <li>the correlations: the prediction is taken to be the end of the prediction scale on the wrong side of the
 *       group, its lowest value for a human score at or above the group's mean human score and its highest
 *       otherwise, so that it pulls the correlation down and can never complete a perfect one. With
 *       {@code --pred-scale any} the ends are the lowest and highest usable prediction in the benchmark;
 *   <li>kappa and macro P/R/F1: the prediction is a label of its own, "missing", which matches no human label and
 *       is not one of the classes averaged over;
 *   <li>pairwise orders: each order's verdict is scored on its own in {@code accuracy_avg_orders}; the figures that
 *       combine both orders (order-resolved accuracy, agreement in both orders, positional agreement) count an item
 *       wrong when either order's verdict is missing.
 * </ul>
 *
 * <p><b>Rounding and whole numbers.</b> MAE and the correlations use the prediction as given (a judge may average
 * samples into 3.5). Accuracy, Agr(2,2), kappa and macro P/R/F1 compare labels, so they first round the prediction
 * to the nearest integer, halves up ({@link Math#round(double)}). They need whole-number human scores: with
 * averaged human scores (2.33) anywhere in the benchmark they are not computed, in any group, since "exact" and
 * "off by one" have no meaning there.
 *
 * <p><b>Random guessing</b>, the 0 of the normalised aggregate, is a judge that picks each label independently and
 * uniformly from the possible values: the whole numbers {@code min..max} of the scale (pointwise), or 1, 2 and tie
 * (pairwise, each order separately). Its expected value is computed exactly from the group's human labels, not
 * simulated. Kappa and the correlations are 0 for such a judge by construction. Macro P/R/F1 have no closed form
 * here and so no random value; they cannot be aggregated.
 */
public final class MetaMetrics {
    /** Label of an item without a usable prediction, for kappa and macro figures. */
    static final String MISSING = "missing";

    private final EvalMode mode;
    private final Scale scale;
    private final boolean comparable;
    private final boolean ordersGiven;
    private final boolean labelled;
    private final double[] human;
    private final double[] predicted;
    private final boolean[] usable;
    private final double[] swapped;
    // Labels coded once for kappa and the macro figures (see Statistics.Codes); null where they do not apply.
    private final int[] goldCode;
    private final int[] judgeCode;
    private final int missingCode;
    private final int categories;

    /**
     * @param predictionScale the scale of the predictions: the benchmark's, or one of the judge's own
     * @param worstLow the low end used as the worst value (see the class comment)
     * @param worstHigh the high end used as the worst value
     * @param ordersGiven pairwise: whether the predictions give a swapped order at all; if so an item without one is
     *     missing in that order
     * @param wholeHumanScores whether every human score of the benchmark (not only of this group) is a whole number,
     *     so that the label figures apply; decided once so that every group reports the same figures
     * @throws IllegalArgumentException if {@code items} is empty (no fraction is defined)
     */
    MetaMetrics(
            EvalMode mode,
            Scale scale,
            PredictionScale predictionScale,
            double worstLow,
            double worstHigh,
            boolean ordersGiven,
            boolean wholeHumanScores,
            List<BenchmarkItem> items,
            Map<String, Prediction> predictions) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Cannot compute metrics for no items");
        }
        this.mode = mode;
        this.scale = scale;
        this.comparable = predictionScale.sameAsBenchmark();
        this.ordersGiven = mode == EvalMode.PAIRWISE && ordersGiven;
        int n = items.size();
        human = new double[n];
        predicted = new double[n];
        usable = new boolean[n];
        swapped = new double[n];
        double humanMean =
                items.stream().mapToDouble(BenchmarkItem::human).average().orElseThrow();
        for (int i = 0; i < n; i++) {
            BenchmarkItem item = items.get(i);
            human[i] = item.human();
            Prediction prediction = predictions.get(item.id());
            usable[i] = prediction != null && prediction.rating() instanceof Rating.Value;
            // The stand-in for the correlations only; MAE charges the scale's largest error instead.
            predicted[i] = usable[i]
                    ? ((Rating.Value) prediction.rating()).value()
                    : item.human() >= humanMean ? worstLow : worstHigh;
            swapped[i] = prediction != null && prediction.swapped() instanceof Rating.Value v ? v.value() : Double.NaN;
        }
        this.labelled = mode == EvalMode.PAIRWISE || (comparable && wholeHumanScores);
        if (labelled) {
            Statistics.Codes codes = new Statistics.Codes();
            missingCode = codes.code(MISSING);
            goldCode = new int[n];
            judgeCode = new int[n];
            for (int i = 0; i < n; i++) {
                goldCode[i] = codes.code(label(human[i]));
                // Pointwise labels compare the rounded score; pairwise predictions are labels already.
                judgeCode[i] = !usable[i]
                        ? missingCode
                        : codes.code(
                                mode == EvalMode.PAIRWISE
                                        ? label(predicted[i])
                                        : Long.toString(Math.round(predicted[i])));
            }
            categories = codes.size();
        } else {
            goldCode = null;
            judgeCode = null;
            missingCode = -1;
            categories = 0;
        }
    }

    /** The figures for the items of the benchmark, looking each one's prediction up by id (on the benchmark's scale). */
    public static Metrics compute(
            EvalMode mode, Scale scale, List<BenchmarkItem> items, Map<String, Prediction> predictions) {
        boolean orders = predictions.values().stream().anyMatch(p -> p.swapped() != null);
        boolean whole = items.stream().allMatch(i -> i.human() == Math.rint(i.human()));
        return new MetaMetrics(
                        mode,
                        scale,
                        PredictionScale.of(scale),
                        scale.min(),
                        scale.max(),
                        orders,
                        whole,
                        items,
                        predictions)
                .compute();
    }

    int size() {
        return human.length;
    }

    /** The figures over all of the group's items. */
    Metrics compute() {
        return compute(IntStream.range(0, human.length).toArray());
    }

    /** The figures over {@code rows} (indexes into the group; a bootstrap resample repeats some). */
    Metrics compute(int[] rows) {
        return mode == EvalMode.PAIRWISE ? pairwise(rows) : pointwise(rows);
    }

    private Metrics pointwise(int[] rows) {
        int n = rows.length;
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        Map<Metric, Double> random = new EnumMap<>(Metric.class);
        int missing = 0;
        double[] h = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n; k++) {
            h[k] = human[rows[k]];
            p[k] = predicted[rows[k]];
            missing += usable[rows[k]] ? 0 : 1;
        }
        if (comparable) {
            double absoluteError = 0;
            double agreement = 0;
            int exact = 0;
            for (int k = 0; k < n; k++) {
                if (!usable[rows[k]]) {
                    absoluteError += scale.maxError(h[k]);
                    continue;
                }
                absoluteError += Math.abs(p[k] - h[k]);
                double distance = Math.abs(Math.round(p[k]) - h[k]);
                agreement += agreement(2, 2, distance);
                exact += distance == 0 ? 1 : 0;
            }
            values.put(Metric.MAE, absoluteError / n);
            randomPointwise(h, random);
            if (labelled) {
                values.put(Metric.AGR_2_2, agreement / n);
                values.put(Metric.ACCURACY, (double) exact / n);
                putLabelAgreement(rows, values, random);
            } else {
                random.remove(Metric.AGR_2_2);
                random.remove(Metric.ACCURACY);
            }
        }
        values.put(Metric.PEARSON, Statistics.pearson(h, p));
        values.put(Metric.SPEARMAN, Statistics.spearman(h, p));
        values.put(Metric.KENDALL_TAU_B, Statistics.kendallTauB(h, p));
        random.put(Metric.PEARSON, 0.0);
        random.put(Metric.SPEARMAN, 0.0);
        random.put(Metric.KENDALL_TAU_B, 0.0);
        return new Metrics(n, missing, null, values, random);
    }

    /** Expected MAE, Agr(2,2) and accuracy of uniform guessing over the scale's whole numbers, for these labels. */
    private void randomPointwise(double[] h, Map<Metric, Double> random) {
        int points = scale.max() - scale.min() + 1;
        double mae = 0;
        double agreement = 0;
        double accuracy = 0;
        for (double label : h) {
            for (int s = scale.min(); s <= scale.max(); s++) {
                double distance = Math.abs(s - label);
                mae += distance;
                agreement += agreement(2, 2, distance);
                accuracy += distance == 0 ? 1 : 0;
            }
        }
        double draws = (double) points * h.length;
        random.put(Metric.MAE, mae / draws);
        random.put(Metric.AGR_2_2, agreement / draws);
        random.put(Metric.ACCURACY, accuracy / draws);
    }

    private Metrics pairwise(int[] rows) {
        int n = rows.length;
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        Map<Metric, Double> random = new EnumMap<>(Metric.class);
        int missing = 0;
        int missingSwapped = 0;
        int exact = 0;
        int exactSwapped = 0;
        int consistent = 0;
        int bothRight = 0;
        int resolvedRight = 0;
        int humanTies = 0;
        for (int row : rows) {
            double h = human[row];
            humanTies += h == 0 ? 1 : 0;
            boolean first = usable[row];
            boolean second = !Double.isNaN(swapped[row]);
            missing += first ? 0 : 1;
            missingSwapped += second ? 0 : 1;
            exact += first && predicted[row] == h ? 1 : 0;
            exactSwapped += second && swapped[row] == h ? 1 : 0;
            if (first && second) {
                boolean same = predicted[row] == swapped[row];
                consistent += same ? 1 : 0;
                bothRight += same && predicted[row] == h ? 1 : 0;
                // Orders that disagree resolve to a tie, as the judge stage does.
                resolvedRight += (same ? predicted[row] : 0) == h ? 1 : 0;
            }
        }
        values.put(Metric.ACCURACY, (double) exact / n);
        random.put(Metric.ACCURACY, 1 / 3.0);
        putLabelAgreement(rows, values, random);
        if (ordersGiven) {
            values.put(Metric.ACCURACY_AVG_ORDERS, (exact + exactSwapped) / (2.0 * n));
            values.put(Metric.ACCURACY_ORDER_RESOLVED, (double) resolvedRight / n);
            values.put(Metric.AGREEMENT_BOTH_ORDERS, (double) bothRight / n);
            values.put(Metric.POSITIONAL_AGREEMENT, (double) consistent / n);
            random.put(Metric.ACCURACY_AVG_ORDERS, 1 / 3.0);
            // Both orders agree with probability 1/3, and then on the human label with 1/3; otherwise the result is a
            // tie, right exactly when humans said tie.
            random.put(Metric.ACCURACY_ORDER_RESOLVED, 1 / 9.0 + 2 / 3.0 * humanTies / n);
            random.put(Metric.AGREEMENT_BOTH_ORDERS, 1 / 9.0);
            random.put(Metric.POSITIONAL_AGREEMENT, 1 / 3.0);
        }
        return new Metrics(n, missing, ordersGiven ? missingSwapped : null, values, random);
    }

    /**
     * Kappa and macro P/R/F1 over {@code rows}. The classes averaged over are the labels present in the rows' human
     * labels or usable predictions (scikit-learn's default), never "missing".
     */
    private void putLabelAgreement(int[] rows, Map<Metric, Double> values, Map<Metric, Double> random) {
        int n = rows.length;
        int[] gold = new int[n];
        int[] judge = new int[n];
        boolean[] present = new boolean[categories];
        for (int k = 0; k < n; k++) {
            gold[k] = goldCode[rows[k]];
            judge[k] = judgeCode[rows[k]];
            present[gold[k]] = true;
            present[judge[k]] = true;
        }
        present[missingCode] = false;
        int[] classes = IntStream.range(0, categories).filter(c -> present[c]).toArray();
        Statistics.ClassScores macro = Statistics.macro(gold, judge, classes, categories);
        values.put(Metric.KAPPA, Statistics.cohensKappa(gold, judge, categories));
        values.put(Metric.MACRO_PRECISION, macro.precision());
        values.put(Metric.MACRO_RECALL, macro.recall());
        values.put(Metric.MACRO_F1, macro.f1());
        random.put(Metric.KAPPA, 0.0);
    }

    /** A label as text: whole numbers without a decimal point, so 3 and 3.0 are the same class. */
    private static String label(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * The Themis paper's per-item agreement A_p^q (Hu et al., "Training an LLM-as-a-Judge Model", arXiv:2502.02988,
     * section 3.4; summarized in the design note {@code themis-paper.md}, section 7.2): {@code 1 / (d + 1)^q} if the
     * distance {@code d = |prediction - human|} is below {@code p}, otherwise 0. Agr(p,q) is its mean over the items;
     * Agr(1,q) is accuracy, and the headline Agr(2,2) gives 1 for an exact match, 0.25 for off by one and 0 for
     * anything further.
     */
    public static double agreement(int p, int q, double distance) {
        return distance < p ? 1 / Math.pow(distance + 1, q) : 0;
    }
}
