package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every figure a meta-evaluation can report: its key in {@code report.json}, its column heading in
 * {@code report.md}, which direction is better, its ideal value and one sentence a reader needs to interpret it.
 * The reports, the z-values and the normalised aggregate are all driven from this list, so a metric is defined in
 * one place.
 */
public enum Metric {
    MAE(
            "mae",
            "MAE",
            false,
            0,
            "mean absolute difference between the judge's score and the human score, in score points; 0 means every score matches"),
    AGR_2_2(
            "agr_2_2",
            "Agr(2,2)",
            true,
            1,
            "the Themis paper's agreement: an item scores 1 for an exact match, 0.25 when off by one point and 0 otherwise"),
    ACCURACY(
            "accuracy",
            "Accuracy",
            true,
            1,
            "fraction of items where the judge's label (pointwise: its rounded score) equals the human label"),
    KAPPA(
            "kappa",
            "Kappa",
            true,
            1,
            "Cohen's kappa between the judge's and the human labels: agreement corrected for the agreement expected by chance"
                    + " from the two label frequencies; 0 is chance level, 1 perfect"),
    MACRO_PRECISION(
            "macro_precision",
            "Macro P",
            true,
            1,
            "precision per label (of the items the judge gave that label, the fraction humans gave it too), averaged over the"
                    + " labels with equal weight"),
    MACRO_RECALL(
            "macro_recall",
            "Macro R",
            true,
            1,
            "recall per label (of the items humans gave that label, the fraction the judge found), averaged with equal weight"),
    MACRO_F1(
            "macro_f1",
            "Macro F1",
            true,
            1,
            "F1 per label, the harmonic mean of its precision and recall, averaged with equal weight; rare labels count as much"
                    + " as common ones"),
    PEARSON(
            "pearson",
            "Pearson",
            true,
            1,
            "linear correlation between judge and human scores; ignores the scale's offset and unit"),
    SPEARMAN(
            "spearman",
            "Spearman",
            true,
            1,
            "correlation of the ranks (ties share their mean rank): whether the judge orders the items as humans do"),
    KENDALL_TAU_B(
            "kendall_tau_b",
            "Kendall tau-b",
            true,
            1,
            "of all pairs of items, concordant minus discordant, corrected for ties (tau-b, scipy's default)"),
    ACCURACY_AVG_ORDERS(
            "accuracy_avg_orders",
            "Acc (avg of orders)",
            true,
            1,
            "accuracy with the responses in their original order and in swapped order, averaged"),
    ACCURACY_ORDER_RESOLVED(
            "accuracy_order_resolved",
            "Acc (order-resolved)",
            true,
            1,
            "accuracy of the order-resolved verdict: the judge's verdict when both orders give the same one, otherwise a tie"
                    + " (MT-Bench's conservative rule, and what the judge stage does with judge.pairwise.inconsistent: tie)"),
    AGREEMENT_BOTH_ORDERS(
            "agreement_both_orders",
            "Agr both orders",
            true,
            1,
            "fraction of items where the verdicts in both orders equal the human label"),
    POSITIONAL_AGREEMENT(
            "positional_agreement",
            "Positional agr",
            true,
            1,
            "LLMBar's positional agreement rate (Auto-J's and MT-Bench's consistency): fraction of items where swapping the"
                    + " responses does not change the verdict (after mapping back); says nothing about whether the verdict"
                    + " is right");

    private final String key;
    private final String label;
    private final boolean higherIsBetter;
    private final double best;
    private final String meaning;

    Metric(String key, String label, boolean higherIsBetter, double best, String meaning) {
        this.key = key;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.best = best;
        this.meaning = meaning;
    }

    /** The key in {@code report.json}. */
    public String key() {
        return key;
    }

    /** The column heading in {@code report.md}. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The ideal value: what a judge that always agrees with humans gets. The normalised aggregate maps it to 1. */
    public double best() {
        return best;
    }

    public String meaning() {
        return meaning;
    }

    /** The metric whose {@code report.json} key is {@code key}; {@code flag} names the option in the error. */
    public static Metric ofKey(String flag, String key) {
        for (Metric m : values()) {
            if (m.key.equals(key.strip())) {
                return m;
            }
        }
        // Issue 16 gave this figure the literature's name; say so rather than only list the keys.
        String renamed = key.strip().equals("consistency") ? "; consistency was renamed positional_agreement" : "";
        throw ConfigException.invalid(flag, key, "one of " + keys(Arrays.asList(values())) + renamed);
    }

    /** A comma-separated list such as {@code mae,agr_2_2}. */
    public static List<Metric> parseList(String flag, String commaSeparated) {
        List<Metric> out = new ArrayList<>();
        for (String key : commaSeparated.split(",")) {
            Metric m = ofKey(flag, key);
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    public static String keys(List<Metric> metrics) {
        return metrics.stream().map(Metric::key).collect(Collectors.joining(","));
    }
}
