package io.judgeforge.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Meta-evaluation statistics (issue 7): agreement between two labellers and correlation between two scorers,
 * written from the textbook definitions so they can be checked against published figures rather than tuned to them.
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
   * Pearson's product-moment correlation. {@code NaN} for fewer than two items or a constant input.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold NaN
   */
  public static double pearson(double[] x, double[] y) {
    checkPaired(x, y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    // Two passes (mean first) rather than the one-pass sum-of-squares formula, which cancels badly on large values.
    double meanX = Arrays.stream(x).sum() / n;
    double meanY = Arrays.stream(y).sum() / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    return clamp(sxy / Math.sqrt(sxx * syy));
  }

  /** Rounding can put a perfect correlation at 1.0000000000000002; a correlation is in [-1, 1] by definition. */
  private static double clamp(double correlation) {
    return Math.max(-1, Math.min(1, correlation));
  }

  /**
   * Spearman's rank correlation: Pearson of the ranks, tied values sharing the mean of the ranks they span (the
   * {@code 1 - 6Σd²/…} shortcut is only right without ties, and human scores are full of them). {@code NaN} as for
   * {@link #pearson}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold NaN
   */
  public static double spearman(double[] x, double[] y) {
    checkPaired(x, y);
    return pearson(averageRanks(x), averageRanks(y));
  }

  /**
   * Kendall's tau-b, {@code (C - D) / sqrt((n0 - n1)(n0 - n2))}: C and D count concordant and discordant pairs, n0
   * all pairs, n1 and n2 the pairs tied in x and in y (a pair tied in both counts in each). This is scipy's default;
   * tau-a and tau-c give different values on tied data. {@code NaN} for fewer than two items or a constant input.
   *
   * <p>Knight's O(n log n) method (Knight 1966, as in scipy): sort by x then y, count the pairs tied in x and in
   * both, then count D as the inversions a merge sort of the y sequence undoes; {@code C - D = n0 - n1 - n2 + n3 -
   * 2D} with n3 the pairs tied in both. The bootstrap computes tau thousands of times, where O(n²) would not do.
   * Values are replaced by their dense ranks first, which keeps every order and tie and lets primitive sorts do
   * the work.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold NaN
   */
  public static double kendallTauB(double[] x, double[] y) {
    checkPaired(x, y);
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    // Sort by (x, y) as one primitive key of their dense ranks: no boxing, which the bootstrap would pay per resample.
    int[] xRank = denseRanks(x);
    int[] yRank = denseRanks(y);
    long width = n + 1L;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = xRank[i] * width + yRank[i];
    }
    Arrays.sort(keys);
    int[] ys = new int[n];
    long tiedX = 0;
    long tiedBoth = 0;
    long runX = 1;
    long runBoth = 1;
    ys[0] = (int) (keys[0] % width);
    for (int k = 1; k < n; k++) {
      ys[k] = (int) (keys[k] % width);
      boolean sameX = keys[k] / width == keys[k - 1] / width;
      runX = sameX ? runX + 1 : 1;
      runBoth = keys[k] == keys[k - 1] ? runBoth + 1 : 1;
      // A run of length r adds r - 1 new pairs with its k-th member: the sum over the run is r(r - 1)/2.
      tiedX += runX - 1;
      tiedBoth += runBoth - 1;
    }
    long discordant = inversions(ys, new int[n], 0, n);
    long tiedY = 0;
    long runY = 1;
    for (int k = 1; k < n; k++) {
      runY = ys[k] == ys[k - 1] ? runY + 1 : 1;
      tiedY += runY - 1;
    }
    long pairs = (long) n * (n - 1) / 2;
    double denominator = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
    if (denominator == 0) {
      return Double.NaN;
    }
    return clamp((pairs - tiedX - tiedY + tiedBoth - 2 * discordant) / denominator);
  }

  /** Sorts {@code a[from, to)} ascending and returns the pairs it had out of order (equal values are not). */
  private static long inversions(int[] a, int[] buffer, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    int mid = (from + to) >>> 1;
    long count = inversions(a, buffer, from, mid) + inversions(a, buffer, mid, to);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      if (a[j] < a[i]) {
        count += mid - i;
        buffer[k++] = a[j++];
      } else {
        buffer[k++] = a[i++];
      }
    }
    while (i < mid) {
      buffer[k++] = a[i++];
    }
    while (j < to) {
      buffer[k++] = a[j++];
    }
    System.arraycopy(buffer, from, a, from, to - from);
    return count;
  }

  /** 0-based ranks among the distinct values: equal values (0.0 and -0.0 included) share one. */
  static int[] denseRanks(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (k == 0 || sorted[k] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[k];
      }
    }
    int[] ranks = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ranks[i] = lowerBound(sorted, distinct, values[i]);
    }
    return ranks;
  }

  /** The first index in {@code sorted[0, size)} whose value is not below {@code value}. */
  private static int lowerBound(double[] sorted, int size, double value) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** 1-based ranks; each run of equal values gets the mean of the ranks it occupies. */
  static double[] averageRanks(double[] values) {
    int[] dense = denseRanks(values);
    int distinct = 0;
    for (int r : dense) {
      distinct = Math.max(distinct, r + 1);
    }
    // A value with c copies, after s smaller values, spans ranks s+1 .. s+c: their mean is s + (c + 1)/2.
    long[] copies = new long[distinct];
    for (int r : dense) {
      copies[r]++;
    }
    double[] meanRank = new double[distinct];
    long smaller = 0;
    for (int r = 0; r < distinct; r++) {
      meanRank[r] = smaller + (copies[r] + 1) / 2.0;
      smaller += copies[r];
    }
    double[] ranks = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      ranks[i] = meanRank[dense[i]];
    }
    return ranks;
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
