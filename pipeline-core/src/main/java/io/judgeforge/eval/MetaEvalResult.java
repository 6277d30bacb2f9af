package io.judgeforge.eval;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one meta-evaluation, everything the reports show.
 *
 * @param mode pointwise or pairwise
 * @param ratingFormat how {@code pred_text} was read ({@code themis}, {@code result}, {@code last},
 *     {@code regex:...})
 * @param bench the benchmark file, as given
 * @param pred the predictions file, as given
 * @param scale the pointwise score scale (not used in pairwise mode)
 * @param overall the figures over every benchmark item
 * @param byScenario the figures per scenario, by name; items without a scenario are in {@code overall} only
 * @param unmatchedPredictions predictions whose id is not in the benchmark (ignored)
 * @param withoutPrediction benchmark items with no prediction row at all (part of {@code overall.missing()})
 * @param missingExamples up to {@link MetaEvaluation#MISSING_EXAMPLES} "id: reason" lines, in benchmark order, so a
 *     reader can see why predictions were missing without opening the files
 */
public record MetaEvalResult(
    EvalMode mode,
    String ratingFormat,
    String bench,
    String pred,
    Scale scale,
    Metrics overall,
    SortedMap<String, Metrics> byScenario,
    int unmatchedPredictions,
    int withoutPrediction,
    List<String> missingExamples) {
  public MetaEvalResult {
    byScenario = Collections.unmodifiableSortedMap(new TreeMap<>(byScenario));
    missingExamples = List.copyOf(missingExamples);
  }
}
