package io.judgeforge.eval;

import java.util.List;
import java.util.Map;

/**
 * Agreement between a judge and human labels, computed from the definitions.
 *
 * <p><b>Every benchmark item counts.</b> An item whose prediction is absent, unparseable or off the scale is
 * counted in {@code missing} and scored as wrong: 0 for accuracy and Agr(2,2), and for MAE the largest error
 * possible for that item on the scale, {@code max(human - min, max - human)} ({@link Scale#maxError}). Dropping
 * such items would reward a judge for failing on exactly the items it finds hard, and a fixed stand-in score (the
 * midpoint, the minimum) would sometimes be right by accident; the worst case never is.
 *
 * <p><b>Rounding.</b> MAE uses the prediction as given (a judge may average samples into 3.5). Accuracy and
 * Agr(2,2) compare categories, so they first round the prediction to the nearest integer, halves up
 * ({@link Math#round(double)}); the human score is used as given.
 */
public final class MetaMetrics {
  private MetaMetrics() {}

  /**
   * The figures for {@code items}, looking each one's prediction up by id in {@code predictions}.
   *
   * @throws IllegalArgumentException if {@code items} is empty (no fraction is defined)
   */
  public static Metrics compute(
      EvalMode mode, Scale scale, List<BenchmarkItem> items, Map<String, Prediction> predictions) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("Cannot compute metrics for no items");
    }
    int missing = 0;
    double absoluteError = 0;
    double agreement = 0;
    int exact = 0;
    for (BenchmarkItem item : items) {
      Prediction prediction = predictions.get(item.id());
      if (prediction == null || !(prediction.rating() instanceof Rating.Value value)) {
        missing++;
        absoluteError += scale.maxError(item.human());
        continue;
      }
      double predicted = value.value();
      if (mode == EvalMode.PAIRWISE) {
        exact += predicted == item.human() ? 1 : 0;
        continue;
      }
      absoluteError += Math.abs(predicted - item.human());
      double distance = Math.abs(Math.round(predicted) - item.human());
      agreement += agreement(2, 2, distance);
      exact += distance == 0 ? 1 : 0;
    }
    int n = items.size();
    double accuracy = (double) exact / n;
    return mode == EvalMode.PAIRWISE
        ? Metrics.pairwise(n, missing, accuracy)
        : Metrics.pointwise(n, missing, absoluteError / n, agreement / n, accuracy);
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
