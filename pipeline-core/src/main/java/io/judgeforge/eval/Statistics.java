package io.judgeforge.eval;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Meta-evaluation statistics (issue 7): agreement between two labellers and correlation between two scorers. The
 * correlations are commons-math3's (the version Spark ships); Cohen's kappa and the macro-averaged precision, recall
 * and F1, which it lacks, are written here from the textbook definitions. Both are checked against published figures
 * rather than tuned to them.
 *
 * <p>All methods take paired inputs and reject lists or arrays of different lengths, since a silent truncation would
 * pair the wrong items. Correlations return {@code NaN} where the definition divides by zero (fewer than two items,
 * or an input that is constant), the same answer scipy gives, so a caller cannot mistake "undefined" for "no
 * correlation".
 */
public final class Statistics {
    private Statistics() {}

    /** Macro-averaged per-class figures, each in 0..1. */
    public record ClassScores(double precision, double recall, double f1) {}

    /**
     * Unweighted Cohen's kappa, {@code (po - pe) / (1 - pe)}, over the categories present in either list: {@code po} is
     * the fraction of items on which the raters agree, {@code pe} the agreement expected from their label frequencies.
     *
     * <p>{@code pe == 1} happens only when both raters give every item one and the same label; then {@code po == 1} too
     * and the formula is 0/0. That is perfect agreement, so it returns 1.0 rather than NaN.
     *
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static double cohensKappa(List<String> a, List<String> b) {
        checkPaired(a.size(), b.size());
        Codes codes = new Codes();
        return cohensKappa(codes.of(a), codes.of(b), codes.size());
    }

    /**
     * {@link #cohensKappa(List, List)} on labels coded {@code 0..categories-1}: the form the bootstrap calls thousands
     * of times, with no allocation per item.
     */
    public static double cohensKappa(int[] a, int[] b, int categories) {
        checkPaired(a.length, b.length);
        if (a.length == 0) {
            throw new IllegalArgumentException("Cohen's kappa is undefined for no items");
        }
        long n = a.length;
        long agree = 0;
        long[] countA = new long[categories];
        long[] countB = new long[categories];
        for (int i = 0; i < n; i++) {
            agree += a[i] == b[i] ? 1 : 0;
            countA[a[i]]++;
            countB[b[i]]++;
        }
        // Sum of count products in integers, so the pe == 1 case is detected exactly, not up to rounding.
        long expectedTimesNSquared = 0;
        for (int c = 0; c < categories; c++) {
            expectedTimesNSquared += countA[c] * countB[c];
        }
        if (expectedTimesNSquared == n * n) {
            return 1.0;
        }
        double po = (double) agree / n;
        double pe = (double) expectedTimesNSquared / ((double) n * n);
        return (po - pe) / (1 - pe);
    }

    /**
     * Precision, recall and F1 computed per class and then averaged with equal weight over {@code classes} (so F1 is
     * the mean of per-class F1s, not the F1 of the mean P and R). Labels outside {@code classes} count against no
     * class, and a class listed twice counts once.
     *
     * <p>Zero divisions follow scikit-learn's {@code zero_division=0}: a class never predicted has precision 0, a class
     * absent from gold has recall 0, and F1 is 0 when {@code P + R == 0}. Such a class still counts in the average, so a
     * judge that never uses a class is penalised for it instead of having it dropped.
     *
     * @throws IllegalArgumentException if the lists differ in length or {@code classes} is empty
     */
    public static ClassScores macro(List<String> gold, List<String> pred, List<String> classes) {
        checkPaired(gold.size(), pred.size());
        Codes codes = new Codes();
        int[] averaged = codes.of(List.copyOf(new LinkedHashSet<>(classes)));
        return macro(codes.of(gold), codes.of(pred), averaged, codes.size());
    }

    /**
     * {@link #macro(List, List, List)} on labels coded {@code 0..categories-1}; {@code classes} are the distinct codes
     * averaged over.
     */
    public static ClassScores macro(int[] gold, int[] pred, int[] classes, int categories) {
        checkPaired(gold.length, pred.length);
        if (classes.length == 0) {
            throw new IllegalArgumentException("Macro average needs at least one class");
        }
        long[] truePositive = new long[categories];
        long[] predicted = new long[categories];
        long[] actual = new long[categories];
        for (int i = 0; i < gold.length; i++) {
            truePositive[gold[i]] += gold[i] == pred[i] ? 1 : 0;
            predicted[pred[i]]++;
            actual[gold[i]]++;
        }
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (int c : classes) {
            double p = predicted[c] == 0 ? 0 : (double) truePositive[c] / predicted[c];
            double r = actual[c] == 0 ? 0 : (double) truePositive[c] / actual[c];
            precision += p;
            recall += r;
            f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        int k = classes.length;
        return new ClassScores(precision / k, recall / k, f1 / k);
    }

    /** Gives each distinct label a code 0, 1, 2, ... in order of first appearance. */
    static final class Codes {
        private final Map<String, Integer> codes = new HashMap<>();

        int code(String label) {
            return codes.computeIfAbsent(label, l -> codes.size());
        }

        int[] of(List<String> labels) {
            int[] out = new int[labels.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = code(labels.get(i));
            }
            return out;
        }

        int size() {
            return codes.size();
        }
    }

    /**
     * Pearson's product-moment correlation (commons-math3). {@code NaN} for fewer than two items or a constant input.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold NaN
     */
    public static double pearson(double[] x, double[] y) {
        checkPaired(x, y);
        // Commons Math throws below two items; NaN is the answer for "undefined" here, as for a constant input.
        return x.length < 2 ? Double.NaN : positiveZero(new PearsonsCorrelation().correlation(x, y));
    }

    /**
     * Spearman's rank correlation: Pearson (commons-math3) of the ranks, tied values sharing the mean of the ranks they
     * span (the {@code 1 - 6Σd²/…} shortcut is only right without ties, and human scores are full of them). {@code NaN}
     * as for {@link #pearson}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold NaN
     */
    public static double spearman(double[] x, double[] y) {
        checkPaired(x, y);
        if (x.length < 2) {
            return Double.NaN;
        }
        // Ranks from RankCorrelation, not SpearmansCorrelation, which boxes every value (see there).
        return pearson(RankCorrelation.averageRanks(x), RankCorrelation.averageRanks(y));
    }

    /**
     * Kendall's tau-b, {@code (C - D) / sqrt((n0 - n1)(n0 - n2))}: C and D count concordant and
     * discordant pairs, n0 all pairs, n1 and n2 the pairs tied in x and in y (a pair tied in both counts in each). This
     * is scipy's default; tau-a and tau-c give different values on tied data. Counted by Knight's O(n log n) method, as
     * scipy and commons-math3's KendallsCorrelation do, on primitive ranks (RankCorrelation) because the bootstrap calls
     * it thousands of times. {@code NaN} for fewer than two items or a constant
     * input.
     *
     * @throws IllegalArgumentException if the arrays differ in length or hold NaN
     */
    public static double kendallTauB(double[] x, double[] y) {
        checkPaired(x, y);
        if (x.length < 2) {
            return Double.NaN;
        }
        return positiveZero(RankCorrelation.kendallTauB(x, y));
    }

    /** No correlation as 0.0: Commons Math gives -0.0 for some, which a report would print as "-0.0000". */
    private static double positiveZero(double correlation) {
        return correlation + 0.0;
    }

    private static void checkPaired(double[] x, double[] y) {
        checkPaired(x.length, y.length);
        // NaN has no order, so ranks and pair signs would be silently wrong.
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException("NaN at index " + i);
            }
        }
    }

    private static void checkPaired(int sizeA, int sizeB) {
        if (sizeA != sizeB) {
            throw new IllegalArgumentException("Paired inputs differ in length: " + sizeA + " vs " + sizeB);
        }
    }
}
