package io.judgeforge.stage.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts how often predicted scenario ids agree with a benchmark's category labels, where a category accepts a set
 * of ids (see {@link CategoryMapping}). An item without a prediction is counted as missing and as a
 * disagreement, never dropped: dropping it would raise the figure exactly when the classifier fails.
 *
 * <p>The "category" is any grouping key the caller chooses: the benchmark's category, or "category/subcategory"
 * for a finer breakdown. Categories keep the order in which they were first added. Not thread-safe.
 */
public final class LabelAgreement {
    /** The confusion-table column for items without a prediction; catalog ids are never written like this. */
    public static final String NO_LABEL = "(none)";

    private final Map<String, Map<String, Integer>> predicted = new LinkedHashMap<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>(); // category -> {n, agreed, missing}

    /**
     * Adds one benchmark item.
     *
     * @param category the item's benchmark category (the grouping key)
     * @param accepted the scenario ids that count as agreement for it; must not be empty
     * @param prediction the predicted scenario id, or {@code null} when the classifier gave none
     * @return this accumulator
     */
    public LabelAgreement add(String category, Set<String> accepted, String prediction) {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException(
                    "An item needs a category, got " + (category == null ? "null" : "'" + category + "'"));
        }
        if (accepted == null || accepted.isEmpty()) {
            // An item that nothing can agree with is a mapping gap, not a classifier error.
            throw new IllegalArgumentException("Category '" + category + "' has no accepted scenario ids");
        }
        if (prediction != null && (prediction.isBlank() || prediction.equals(NO_LABEL))) {
            throw new IllegalArgumentException("Prediction '" + prediction + "' for category '" + category
                    + "' is not a scenario id; pass null for an item without a prediction");
        }
        int[] c = counts.computeIfAbsent(category, k -> new int[3]);
        c[0]++;
        if (prediction == null) {
            c[2]++;
        } else if (accepted.contains(prediction)) {
            c[1]++;
        }
        predicted
                .computeIfAbsent(category, k -> new LinkedHashMap<>())
                .merge(prediction == null ? NO_LABEL : prediction, 1, Integer::sum);
        return this;
    }

    /** The figures so far; later {@link #add} calls do not change a result already returned. */
    public Result result() {
        Map<String, Figures> byCategory = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        int n = 0;
        int agreed = 0;
        int missing = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            byCategory.put(e.getKey(), new Figures(c[0], c[1], c[2]));
            confusion.put(e.getKey(), byCountThenId(predicted.get(e.getKey())));
            n += c[0];
            agreed += c[1];
            missing += c[2];
        }
        return new Result(n, agreed, missing, byCategory, confusion);
    }

    private static void checkCounts(int n, int agreed, int missing) {
        // A missing prediction is a disagreement, so agreed and missing never overlap.
        if (n < 0 || agreed < 0 || missing < 0 || agreed + missing > n) {
            throw new IllegalArgumentException(
                    "Inconsistent figures: n=" + n + ", agreed=" + agreed + ", missing=" + missing);
        }
    }

    // Most frequent first so a reader sees the dominant label at once; ties by id keep the output stable.
    private static Map<String, Integer> byCountThenId(Map<String, Integer> row) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(row.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        entries.forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }

    /**
     * The agreement of one category (or of all items).
     *
     * @param n items
     * @param agreed items whose prediction is in the accepted set
     * @param missing items without a prediction; each is also a disagreement
     */
    public record Figures(int n, int agreed, int missing) {
        public Figures {
            checkCounts(n, agreed, missing);
        }

        /** agreed / n, in 0..1; {@code NaN} when there are no items. */
        public double agreement() {
            return n == 0 ? Double.NaN : (double) agreed / n;
        }
    }

    /**
     * The agreement over all items, per category, and what was predicted for each category.
     *
     * @param n items
     * @param agreed items whose prediction is in the accepted set
     * @param missing items without a prediction; each is also a disagreement
     * @param byCategory the figures per category, in first-added order
     * @param confusion per category, each predicted id (or {@link #NO_LABEL}) with its count, most frequent first
     */
    public record Result(
            int n,
            int agreed,
            int missing,
            Map<String, Figures> byCategory,
            Map<String, Map<String, Integer>> confusion) {
        public Result {
            checkCounts(n, agreed, missing);
            if (n != byCategory.values().stream().mapToInt(Figures::n).sum()
                    || agreed
                            != byCategory.values().stream()
                                    .mapToInt(Figures::agreed)
                                    .sum()
                    || missing
                            != byCategory.values().stream()
                                    .mapToInt(Figures::missing)
                                    .sum()) {
                throw new IllegalArgumentException("The totals n=" + n + ", agreed=" + agreed + ", missing=" + missing
                        + " are not the sums over the categories");
            }
            if (!byCategory.keySet().equals(confusion.keySet())) {
                throw new IllegalArgumentException("byCategory and confusion name different categories");
            }
            byCategory = Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
            Map<String, Map<String, Integer>> rows = new LinkedHashMap<>();
            confusion.forEach((k, v) -> rows.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            confusion = Collections.unmodifiableMap(rows);
        }

        /** agreed / n, in 0..1; {@code NaN} when there are no items. */
        public double agreement() {
            return new Figures(n, agreed, missing).agreement();
        }

        /**
         * A Markdown table: one row per category and a last row over all items, each with n, agreed, missing,
         * agreement (three decimals, "n/a" without items) and the predicted ids with their counts.
         */
        public String toMarkdown() {
            StringBuilder md = new StringBuilder();
            md.append("| category | n | agreed | missing | agreement | predicted (count) |\n");
            md.append("|---|---:|---:|---:|---:|---|\n");
            byCategory.forEach((category, f) -> row(md, cell(category), f, predictedCell(confusion.get(category))));
            row(md, "**all**", new Figures(n, agreed, missing), "");
            return md.toString();
        }

        private static void row(StringBuilder md, String label, Figures f, String predicted) {
            md.append("| ")
                    .append(label)
                    .append(" | ")
                    .append(f.n())
                    .append(" | ")
                    .append(f.agreed())
                    .append(" | ")
                    .append(f.missing())
                    .append(" | ")
                    .append(fraction(f.agreement()))
                    .append(" | ")
                    .append(predicted)
                    .append(" |\n");
        }

        private static String predictedCell(Map<String, Integer> row) {
            List<String> parts = new ArrayList<>();
            row.forEach((id, count) -> parts.add(cell(id) + " " + count));
            return String.join(", ", parts);
        }

        private static String fraction(double v) {
            return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
        }

        private static String cell(String s) {
            return s.replace("|", "\\|");
        }
    }
}
