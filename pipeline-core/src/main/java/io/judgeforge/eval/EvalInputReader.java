package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the benchmark and the predictions into values, checking what the metrics rely on.
 *
 * <p>The split between errors and missing predictions is deliberate. A defect in the human labels or in a file's
 * shape (no id, a duplicate id, a label off the scale, a malformed line) stops the run, because any number computed
 * from it would be wrong. A bad prediction does not: judging a judge includes its failures, so an empty, unparseable
 * or off-scale prediction, and a row with an id but no value at all, becomes {@link Rating.Unusable} and is scored as
 * wrong. A file where no row has a value column is a misnamed column, and an error.
 */
final class EvalInputReader {
    static final String BENCHMARK = "benchmark";
    static final String PREDICTIONS = "predictions";
    /** Why a prediction row with an id but neither {@code pred} nor {@code pred_text} is unusable. */
    static final String NO_VALUE = "no prediction value (the row has neither 'pred' nor 'pred_text')";

    private EvalInputReader() {}

    /** Benchmark rows in file order: {@code id}, optional {@code scenario}, {@code human}. */
    static List<BenchmarkItem> readBenchmark(TableReader.Source source, String file, EvalMode mode, Scale scale) {
        List<BenchmarkItem> items = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (TableReader.Row row : source.read(file, BENCHMARK)) {
            String id = id(row, file, BENCHMARK, lines);
            String human = row.fields().get("human");
            if (human == null || human.isBlank()) {
                throw TableReader.lineError(BENCHMARK, file, row.line(), "no 'human' label for id '" + id + "'");
            }
            double value = human(human.strip(), mode, scale, file, row.line(), id);
            String scenario = row.fields().get("scenario");
            items.add(new BenchmarkItem(id, scenario == null || scenario.isBlank() ? null : scenario.strip(), value));
        }
        if (items.isEmpty()) {
            throw new ConfigException("Cannot read " + BENCHMARK + " file " + file + ": it has no rows");
        }
        return items;
    }

    /**
     * Predictions by id, in file order: {@code id} and one of {@code pred} or {@code pred_text} (a row with neither, or
     * with a null, is a missing prediction); pairwise, optionally one of {@code pred_swapped} or
     * {@code pred_swapped_text}.
     */
    static Map<String, Prediction> readPredictions(
            TableReader.Source source, String file, RatingParser parser, EvalMode mode) {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        boolean anyValueColumn = false;
        for (TableReader.Row row : source.read(file, PREDICTIONS)) {
            String id = id(row, file, PREDICTIONS, lines);
            Map<String, String> fields = row.fields();
            if (!fields.containsKey("pred") && !fields.containsKey("pred_text")) {
                // The judge gave nothing for this item: scored as wrong like an empty value, not a file error.
                predictions.put(
                        id,
                        new Prediction(
                                id,
                                new Rating.Unusable(NO_VALUE),
                                swapped(fields, parser, mode, file, row.line(), id)));
                continue;
            }
            anyValueColumn = true;
            boolean hasValue = given(fields.get("pred"));
            boolean hasText = given(fields.get("pred_text"));
            if (hasValue && hasText) {
                // Which one the judge meant is a guess; refuse rather than pick.
                throw TableReader.lineError(
                        PREDICTIONS, file, row.line(), "both 'pred' and 'pred_text' for id '" + id + "'; give one");
            }
            Rating rating = hasText ? parser.fromText(fields.get("pred_text")) : parser.fromValue(fields.get("pred"));
            predictions.put(id, new Prediction(id, rating, swapped(fields, parser, mode, file, row.line(), id)));
        }
        if (!predictions.isEmpty() && !anyValueColumn) {
            // Not one value in the whole file: a misnamed column, not a judge that failed on every item.
            throw new ConfigException(
                    "Cannot read " + PREDICTIONS + " file " + file + ": no row has a 'pred' or 'pred_text' column");
        }
        return predictions;
    }

    /**
     * The swapped-order verdict: {@code pred_swapped} (a label already in the original numbering) or
     * {@code pred_swapped_text} (raw output, mapped back by the parser). {@code null} when the row has neither
     * column; a column that is present but blank is a missing verdict, scored as wrong.
     */
    private static Rating swapped(
            Map<String, String> fields, RatingParser parser, EvalMode mode, String file, long line, String id) {
        boolean hasValue = fields.containsKey("pred_swapped");
        boolean hasText = fields.containsKey("pred_swapped_text");
        if (!hasValue && !hasText) {
            return null;
        }
        if (mode != EvalMode.PAIRWISE) {
            throw TableReader.lineError(
                    PREDICTIONS,
                    file,
                    line,
                    "'pred_swapped' or 'pred_swapped_text' for id '" + id
                            + "', but the swapped order exists only in pairwise mode (--mode pairwise)");
        }
        if (given(fields.get("pred_swapped")) && given(fields.get("pred_swapped_text"))) {
            throw TableReader.lineError(
                    PREDICTIONS,
                    file,
                    line,
                    "both 'pred_swapped' and 'pred_swapped_text' for id '" + id + "'; give one");
        }
        return given(fields.get("pred_swapped_text"))
                ? parser.swappedFromText(fields.get("pred_swapped_text"))
                : parser.fromValue(fields.get("pred_swapped"));
    }

    /** The row's id, stripped; a missing or repeated id is an error naming the file and lines. */
    static String id(TableReader.Row row, String file, String role, Map<String, Long> lines) {
        String id = row.fields().get("id");
        if (id == null || id.isBlank()) {
            throw TableReader.lineError(role, file, row.line(), "no 'id'");
        }
        id = id.strip();
        Long first = lines.putIfAbsent(id, row.line());
        if (first != null) {
            throw new ConfigException("Duplicate id '" + id + "' in " + role + " file " + file + " (lines " + first
                    + " and " + row.line() + ")");
        }
        return id;
    }

    private static double human(String text, EvalMode mode, Scale scale, String file, long line, String id) {
        Double value = RatingParser.number(text);
        if (mode == EvalMode.PAIRWISE) {
            if (value == null || (value != 0 && value != 1 && value != 2)) {
                throw TableReader.lineError(
                        BENCHMARK, file, line, "human label '" + text + "' for id '" + id + "' is not 1, 2 or 0 (tie)");
            }
            return value;
        }
        if (value == null) {
            throw TableReader.lineError(
                    BENCHMARK, file, line, "human score '" + text + "' for id '" + id + "' is not a number");
        }
        if (!scale.contains(value)) {
            // Most likely --min-score/--max-score do not match the benchmark; every figure would be off.
            throw TableReader.lineError(
                    BENCHMARK,
                    file,
                    line,
                    "human score " + text + " for id '" + id + "' is off the scale " + scale
                            + " (set --min-score/--max-score)");
        }
        return value;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
