package io.judgeforge.eval;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one meta-evaluation, everything the reports show.
 *
 * @param options what was asked for (mode, formats, scales, aggregate, bootstrap)
 * @param bench the benchmark file, as given
 * @param pred the predictions file, as given
 * @param ordersGiven pairwise: whether the predictions give the swapped order, so that the order figures exist
 * @param aggregate the figures the normalised aggregate averaged (the default keeps those the benchmark has)
 * @param overall the figures over every benchmark item
 * @param byScenario the figures per scenario, by name; items without a scenario are in {@code overall} only
 * @param unmatchedPredictions predictions whose id is not in the benchmark (ignored)
 * @param withoutPrediction benchmark items with no prediction row at all (part of {@code overall.missing()})
 * @param missingExamples up to {@link MetaEvaluation#MISSING_EXAMPLES} "id: reason" lines, in benchmark order, so a
 *     reader can see why predictions were missing without opening the files
 */
public record MetaEvalResult(
        MetaEvalOptions options,
        String bench,
        String pred,
        boolean ordersGiven,
        List<Metric> aggregate,
        GroupResult overall,
        SortedMap<String, GroupResult> byScenario,
        int unmatchedPredictions,
        int withoutPrediction,
        List<String> missingExamples) {
    public MetaEvalResult {
        byScenario = Collections.unmodifiableSortedMap(new TreeMap<>(byScenario));
        aggregate = List.copyOf(aggregate);
        missingExamples = List.copyOf(missingExamples);
    }

    public EvalMode mode() {
        return options.mode();
    }

    public Scale scale() {
        return options.scale();
    }
}
