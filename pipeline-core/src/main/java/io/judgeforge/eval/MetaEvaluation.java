package io.judgeforge.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Measures a judge's predictions against a human-labelled benchmark: reads both files, pairs predictions with
 * items by id and computes the figures overall and per scenario. The command line and tests both call
 * {@link #run}, so what is tested is what runs.
 *
 * <p>Pairing by id: a benchmark item without a prediction is scored as wrong (see {@link MetaMetrics}); a
 * prediction whose id is not in the benchmark is ignored but counted, since it usually means the two files come
 * from different versions of the benchmark.
 */
public final class MetaEvaluation {
  /** How many missing-prediction examples a result keeps for the report. */
  public static final int MISSING_EXAMPLES = 5;

  private MetaEvaluation() {}

  /**
   * Runs the meta-evaluation.
   *
   * @param ratingFormat {@code themis}, {@code result}, {@code last} or {@code regex:PATTERN}; checked before any
   *     file is read
   * @throws io.judgeforge.config.ConfigException for a bad flag or an unusable file, naming the file, line and id
   */
  public static MetaEvalResult run(Path bench, Path pred, EvalMode mode, String ratingFormat, Scale scale) {
    RatingParser parser = RatingParser.of(ratingFormat, mode, scale);
    List<BenchmarkItem> items = EvalInputReader.readBenchmark(bench, mode, scale);
    Map<String, Prediction> predictions = EvalInputReader.readPredictions(pred, parser);

    Set<String> ids = new HashSet<>();
    SortedMap<String, List<BenchmarkItem>> scenarios = new TreeMap<>();
    for (BenchmarkItem item : items) {
      ids.add(item.id());
      if (item.scenario() != null) {
        scenarios.computeIfAbsent(item.scenario(), s -> new ArrayList<>()).add(item);
      }
    }
    int unmatched = (int) predictions.keySet().stream().filter(id -> !ids.contains(id)).count();

    SortedMap<String, Metrics> byScenario = new TreeMap<>();
    scenarios.forEach((scenario, group) -> byScenario.put(scenario, MetaMetrics.compute(mode, scale, group, predictions)));

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
      }
      if (reason != null && examples.size() < MISSING_EXAMPLES) {
        examples.add(item.id() + ": " + reason);
      }
    }
    return new MetaEvalResult(mode, parser.format(), bench.toString(), pred.toString(), scale,
        MetaMetrics.compute(mode, scale, items, predictions), byScenario, unmatched, withoutPrediction, examples);
  }
}
