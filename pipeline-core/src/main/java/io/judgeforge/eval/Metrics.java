package io.judgeforge.eval;

/**
 * The agreement figures for one group of benchmark items (all of them, or one scenario). Fractions are in 0..1.
 *
 * @param n benchmark items in the group; every one is scored, with or without a usable prediction
 * @param missing items with no usable prediction (none, unparseable, or off the scale), each scored as wrong
 * @param mae mean absolute error of the score (pointwise; {@code null} in pairwise mode)
 * @param agr22 the Themis paper's Agr(2,2) (pointwise; {@code null} in pairwise mode)
 * @param accuracy fraction of exact matches (pointwise: rounded prediction equals human; pairwise: same verdict)
 */
public record Metrics(int n, int missing, Double mae, Double agr22, double accuracy) {
  public static Metrics pointwise(int n, int missing, double mae, double agr22, double accuracy) {
    return new Metrics(n, missing, mae, agr22, accuracy);
  }

  public static Metrics pairwise(int n, int missing, double accuracy) {
    return new Metrics(n, missing, null, null, accuracy);
  }
}
