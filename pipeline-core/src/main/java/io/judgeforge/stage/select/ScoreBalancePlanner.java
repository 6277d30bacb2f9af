package io.judgeforge.stage.select;

import java.util.Map;
import java.util.TreeMap;

/**
 * Caps the records kept per score within one scenario so that no score holds more than
 * {@code maxShare} of what is kept, keeping as many records as that allows. The paper's early judge
 * over-predicted 4 because 56% of its data scored 4 (Themis section 5).
 *
 * <p>The cap is the largest c with c <= maxShare * sum(min(n_s, c)). When too few scores are present
 * for any cap to meet the share (one or two scores at 0.4), the cap is the smallest bucket: as even
 * as the supply allows.
 */
public final class ScoreBalancePlanner {
  private ScoreBalancePlanner() {}

  public static <K> long cap(Map<K, Long> histogram, double maxShare) {
    long max = histogram.values().stream().mapToLong(Long::longValue).max().orElse(0);
    for (long c = max; c >= 1; c--) {
      long kept = 0;
      for (long n : histogram.values()) {
        kept += Math.min(n, c);
      }
      if (c <= maxShare * kept + 1e-9) {
        return c;
      }
    }
    return histogram.values().stream().mapToLong(Long::longValue).filter(n -> n > 0).min().orElse(0);
  }

  /** What each label (a score, or a pairwise verdict) keeps under the cap. */
  public static <K extends Comparable<K>> Map<K, Long> kept(Map<K, Long> histogram, double maxShare) {
    long c = cap(histogram, maxShare);
    Map<K, Long> kept = new TreeMap<>();
    histogram.forEach((score, n) -> kept.put(score, Math.min(n, c)));
    return kept;
  }
}
