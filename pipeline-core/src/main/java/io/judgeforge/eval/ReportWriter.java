package io.judgeforge.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link MetaEvalResult} as {@code report.json} (for programs: full precision, undefined figures as
 * {@code null}; schema {@code data-schemas/meta-eval-report.schema.json}) and {@code report.md} (for a person who has not read the code: what was compared, the headline, the
 * tables, how missing predictions were scored and what each figure means), and gives the short summary the
 * command prints.
 */
public final class ReportWriter {
    public static final String JSON_FILE = "report.json";
    public static final String MARKDOWN_FILE = "report.md";

    private ReportWriter() {}

    /** Writes both reports into {@code outDir}, creating it if absent; returns their paths. */
    public static List<Path> write(MetaEvalResult result, Path outDir) {
        ConfigException.check(
                !Files.exists(outDir) || Files.isDirectory(outDir),
                "--out",
                outDir.toString(),
                "a directory; a file of that name exists");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ConfigException(
                    "Cannot create output directory " + outDir + " for '--out': " + e.getMessage(), e);
        }
        Path json = outDir.resolve(JSON_FILE);
        Path markdown = outDir.resolve(MARKDOWN_FILE);
        try {
            Files.writeString(json, json(result), StandardCharsets.UTF_8);
            Files.writeString(markdown, markdown(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report in " + outDir, e);
        }
        return List.of(json, markdown);
    }

    // --- report.json

    /** The {@code report.json} text. */
    public static String json(MetaEvalResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", r.mode().label());
        root.put("rating_format", r.options().ratingFormat());
        root.put("bench", r.bench());
        root.put("pred", r.pred());
        if (r.mode() == EvalMode.POINTWISE) {
            root.put(
                    "scale", bounds((double) r.scale().min(), (double) r.scale().max()));
            root.put(
                    "pred_scale",
                    bounds(
                            r.options().predictionScale().min(),
                            r.options().predictionScale().max()));
        } else {
            root.put("swapped_order_given", r.ordersGiven());
        }
        root.put("overall", group(r.overall()));
        Map<String, Object> byScenario = new LinkedHashMap<>();
        r.byScenario().forEach((scenario, g) -> byScenario.put(scenario, group(g)));
        root.put("by_scenario", byScenario);
        root.put("unmatched_predictions", r.unmatchedPredictions());
        root.put("without_prediction", r.withoutPrediction());
        root.put("missing_examples", r.missingExamples());
        Map<String, Object> normalisation = new LinkedHashMap<>();
        normalisation.put("metrics", r.aggregate().stream().map(Metric::key).toList());
        normalisation.put("definition", NORMALISED_RULE);
        root.put("normalised_aggregate", normalisation);
        BootstrapSettings b = r.options().bootstrap();
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        bootstrap.put("resamples", b.resamples());
        bootstrap.put("confidence", b.confidence());
        bootstrap.put("seed", b.seed());
        bootstrap.put("method", BOOTSTRAP_RULE);
        root.put("bootstrap", bootstrap);
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("missing", missingRule(r));
        if (r.mode() == EvalMode.POINTWISE && comparesValues(r)) {
            rules.put("rounding", ROUNDING_RULE);
        }
        rules.put("random", RANDOM_RULE);
        rules.put("z", Z_RULE);
        rules.put("unmatched", UNMATCHED_RULE);
        root.put("rules", rules);
        try {
            return WITH_NULLS.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write report.json", e);
        }
    }

    /**
     * The project's mapper leaves nulls out; here a null is information (an undefined figure, an unbounded scale),
     * and leaving the key out would make "undefined" look like "not applicable".
     */
    private static final ObjectMapper WITH_NULLS = Json.mapper()
            .copy()
            .setDefaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

    private static Map<String, Object> bounds(Double min, Double max) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min", min);
        out.put("max", max);
        return out;
    }

    /** Whether predictions compare with human scores directly (pairwise labels always do). */
    private static boolean comparesValues(MetaEvalResult r) {
        return r.mode() == EvalMode.PAIRWISE || r.options().predictionScale().sameAsBenchmark();
    }

    private static Map<String, Object> group(GroupResult g) {
        Metrics m = g.metrics();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", m.n());
        out.put("missing", m.missing());
        if (m.missingSwapped() != null) {
            out.put("missing_swapped", m.missingSwapped());
        }
        m.values().forEach((metric, value) -> out.put(metric.key(), number(value)));
        out.put("normalised", number(g.normalised()));
        Map<String, Object> random = new LinkedHashMap<>();
        m.random().forEach((metric, value) -> random.put(metric.key(), number(value)));
        out.put("random", random);
        Map<String, Object> z = new LinkedHashMap<>();
        g.z().forEach((metric, value) -> z.put(metric.key(), number(value)));
        out.put("z", z);
        if (g.normalisedInterval() != null) {
            Map<String, Object> ci = new LinkedHashMap<>();
            g.intervals().forEach((metric, interval) -> ci.put(metric.key(), interval(interval)));
            ci.put("normalised", interval(g.normalisedInterval()));
            out.put("ci", ci);
        }
        return out;
    }

    /** JSON has no NaN: an undefined figure is {@code null}. */
    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Double> interval(Interval interval) {
        return Arrays.asList(number(interval.lower()), number(interval.upper()));
    }

    // --- the rules, in the same words in both reports

    static final String ROUNDING_RULE =
            "mae and the correlations use each prediction as given; accuracy, agr_2_2, kappa"
                    + " and the macro figures first round the prediction to the nearest integer (halves round up) and compare it"
                    + " with the human score.";

    static final String UNMATCHED_RULE =
            "Predictions whose id is not in the benchmark are ignored and counted in" + " unmatched_predictions.";

    static final String NORMALISED_RULE =
            "Each listed figure m is mapped to t = (m - random) / (best - random), so that"
                    + " random guessing scores 0 and the ideal value (MAE 0, every other figure 1) scores 1, and the t values are"
                    + " averaged with equal weight (the Themis paper, section 5.4). 'best' is the ideal value rather than the best"
                    + " judge measured, so the score does not change when other judges are added.";

    static final String RANDOM_RULE =
            "'random' is the expected value of a judge that picks each label independently and"
                    + " uniformly: a whole number on the scale (pointwise) or 1, 2 or tie (pairwise, each order separately),"
                    + " computed exactly from the group's human labels. Kappa and the correlations are 0 for such a judge. The"
                    + " macro figures have no random value and cannot be aggregated.";

    static final String Z_RULE =
            "z = (m - mean) / sd over the rows 'all' and every scenario, sd being the sample standard"
                    + " deviation (n - 1): the Themis paper's Table 4 z-values. 'overall.z' is the 'all' row.";

    static final String BOOTSTRAP_RULE = "percentile bootstrap: each group (all items, each scenario) is resampled with"
            + " replacement to its own size, every figure is recomputed, and the interval runs between the (1 - confidence)/2"
            + " and (1 + confidence)/2 quantiles (linear interpolation); resamples where a figure is undefined are left out.";

    /** How an item without a usable prediction was scored; the same sentence goes into both reports. */
    static String missingRule(MetaEvalResult r) {
        String what = "A benchmark item with no prediction, or whose prediction is empty, cannot be parsed or is ";
        if (r.mode() == EvalMode.PAIRWISE) {
            return what
                    + "not one of the labels 1, 2 or 0 (tie), is counted in 'missing' and scored as wrong: a miss for"
                    + " accuracy, and a label of its own ('missing') for kappa and the macro figures that matches no human label."
                    + " With a swapped order, accuracy_avg_orders scores each order on its own, and the figures that combine both"
                    + " orders count the item wrong when either verdict is missing. It is never dropped.";
        }
        Scale s = r.scale();
        PredictionScale p = r.options().predictionScale();
        String ends = p.bounded()
                ? "the prediction scale " + p
                : "the usable predictions (the lowest and highest in the benchmark)";
        String correlations = "for the correlations the prediction is taken to be the end of " + ends + " on the wrong"
                + " side: the lowest for a human score at or above the group's mean, the highest otherwise";
        if (!p.sameAsBenchmark()) {
            return what + "off the prediction scale " + p + ", is counted in 'missing' and scored as wrong: "
                    + correlations + ". It is never dropped.";
        }
        return what + "off the " + s
                + " scale, is counted in 'missing' and scored as wrong: 0 for accuracy and agr_2_2;"
                + " for mae the largest error possible for that item, max(human - " + s.min() + ", " + s.max()
                + " - human); "
                + correlations
                + "; and a label of its own ('missing') for kappa and the macro figures. It is never dropped.";
    }

    // --- report.md

    /** The {@code report.md} text. */
    public static String markdown(MetaEvalResult r) {
        boolean pointwise = r.mode() == EvalMode.POINTWISE;
        Metrics overall = r.overall().metrics();
        int missing = overall.missing();
        double confidence = r.options().bootstrap().confidence();
        boolean intervals = r.overall().normalisedInterval() != null;
        StringBuilder md = new StringBuilder();
        md.append("# Meta-evaluation report\n\n");
        md.append("How closely a judge's predictions agree with human labels on a benchmark.\n\n");

        md.append("## What was compared\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Mode | ")
                .append(
                        pointwise
                                ? "pointwise: each response has a score from "
                                        + r.scale().min() + " to " + r.scale().max()
                                : "pairwise: each item compares two responses; 1 = the first is better, 2 = the second, 0 = a tie")
                .append(" |\n");
        if (pointwise && !r.options().predictionScale().sameAsBenchmark()) {
            md.append("| Judge's own scale | ")
                    .append(r.options().predictionScale())
                    .append(
                            ": its scores cannot be compared with human scores directly, so only correlations are reported |\n");
        }
        md.append("| Human labels (benchmark) | `")
                .append(cell(r.bench()))
                .append("`: ")
                .append(overall.n())
                .append(" items, ")
                .append(r.byScenario().size())
                .append(" scenarios |\n");
        md.append("| Judge predictions | `")
                .append(cell(r.pred()))
                .append("`; raw judge output (`pred_text`), where given," + " read with rating format `")
                .append(cell(r.options().ratingFormat()))
                .append("` |\n");
        if (r.mode() == EvalMode.PAIRWISE) {
            md.append("| Swapped order | ")
                    .append(
                            r.ordersGiven()
                                    ? "given: each pair was also judged with the responses exchanged, so order figures are reported"
                                    : "not given (no `pred_swapped` or `pred_swapped_text`), so no order figures")
                    .append(" |\n");
        }
        md.append("| Items without a usable prediction | ").append(missing);
        if (missing > 0) {
            md.append(" (")
                    .append(r.withoutPrediction())
                    .append(" with no prediction, ")
                    .append(missing - r.withoutPrediction())
                    .append(
                            pointwise
                                    ? " empty, unparseable or off the scale)"
                                    : " empty, unparseable or not a label)");
        }
        md.append(" |\n");
        if (overall.missingSwapped() != null) {
            md.append("| Items without a usable swapped-order verdict | ")
                    .append(overall.missingSwapped())
                    .append(" |\n");
        }
        md.append("| Predictions for ids not in the benchmark (ignored) | ")
                .append(r.unmatchedPredictions())
                .append(" |\n\n");

        md.append("## Headline\n\n");
        md.append("Normalised score over all ")
                .append(overall.n())
                .append(" items: **")
                .append(fixed(r.overall().normalised()))
                .append("**");
        if (intervals) {
            md.append(" (")
                    .append(percent(confidence))
                    .append(" confidence interval ")
                    .append(range(r.overall().normalisedInterval()))
                    .append(")");
        }
        md.append(
                r.aggregate().size() == 1
                        ? ". It is " + labels(r.aggregate()) + " rescaled so that"
                        : ". It averages " + labels(r.aggregate()) + ", each rescaled so that");
        md.append(
                " random guessing is 0 and perfect agreement with the humans is 1; below 0 is worse than guessing.\n\n");

        md.append("## Overall\n\n");
        md.append(
                intervals
                        ? "| Figure | Value | " + percent(confidence)
                                + " CI | Random guessing | z |\n|---|---:|---:|---:|---:|\n"
                        : "| Figure | Value | Random guessing | z |\n|---|---:|---:|---:|\n");
        for (Map.Entry<Metric, Double> e : overall.values().entrySet()) {
            Metric metric = e.getKey();
            md.append("| ")
                    .append(metric.label())
                    .append(" | ")
                    .append(fixed(e.getValue()))
                    .append(" | ");
            if (intervals) {
                md.append(range(r.overall().intervals().get(metric))).append(" | ");
            }
            Double chance = overall.random().get(metric);
            md.append(chance == null ? "–" : fixed(chance)).append(" | ");
            Double z = r.overall().z().get(metric);
            md.append(z == null ? "–" : signed(z)).append(" |\n");
        }
        md.append(
                "\nz compares the whole benchmark with its scenarios (see below); it is blank without scenarios. For MAE,"
                        + " where lower is better, a negative z is the good side.\n");

        md.append("\n## By scenario\n\n");
        if (r.byScenario().isEmpty()) {
            md.append("No benchmark row names a scenario, so there is no breakdown.\n");
        } else {
            List<Metric> columns = scenarioColumns(r);
            Metric zMetric = zMetric(r);
            md.append("| Scenario | Items | Missing |");
            columns.forEach(c -> md.append(' ').append(c.label()).append(" |"));
            md.append(" Normalised | z (").append(zMetric.label()).append(") |\n|---|---:|---:|");
            columns.forEach(c -> md.append("---:|"));
            md.append("---:|---:|\n");
            scenarioRow(md, "all", r.overall(), columns, zMetric);
            r.byScenario().forEach((scenario, g) -> scenarioRow(md, cell(scenario), g, columns, zMetric));
            md.append(
                            "\nItems without a scenario count in the 'all' row only. Every figure of every scenario, with its ")
                    .append(intervals ? "confidence interval, " : "")
                    .append("random value and z, is in `report.json`.\n");
        }

        md.append("\n## Missing predictions\n\n");
        md.append(missingRule(r)).append("\n");
        if (pointwise && comparesValues(r)) {
            md.append("\nRounding: ").append(ROUNDING_RULE).append("\n");
        }
        if (!r.missingExamples().isEmpty()) {
            md.append("\nFirst ")
                    .append(r.missingExamples().size())
                    .append(" items with a missing prediction, in benchmark order:\n\n");
            r.missingExamples().forEach(e -> md.append("- ").append(e).append("\n"));
        }

        md.append("\n## What the figures mean\n\n");
        md.append("- **Items**: benchmark items compared; each counts once, with or without a usable prediction.\n");
        md.append("- **Missing**: items whose prediction is absent, empty, unparseable or ")
                .append(pointwise ? "off the scale" : "not a label")
                .append("; each is scored as wrong (see above).\n");
        for (Metric metric : overall.values().keySet()) {
            md.append("- **")
                    .append(metric.label())
                    .append("** (")
                    .append(metric.higherIsBetter() ? "higher" : "lower")
                    .append(" is better): ")
                    .append(metric.meaning())
                    .append(".\n");
        }
        md.append("- **Normalised**: ")
                .append(NORMALISED_RULE)
                .append(" Here it averages ")
                .append(labels(r.aggregate()))
                .append(".\n");
        md.append("- **Random guessing**: ").append(RANDOM_RULE).append("\n");
        md.append("- **z**: ")
                .append(Z_RULE)
                .append(" A scenario with a negative z (for a figure where higher is better)"
                        + " is one the judge handles worse than the others.\n");
        if (intervals) {
            BootstrapSettings b = r.options().bootstrap();
            md.append("- **CI**: ")
                    .append(BOOTSTRAP_RULE)
                    .append(" Here ")
                    .append(b.resamples())
                    .append(" resamples, seed ")
                    .append(b.seed())
                    .append(".\n");
        }
        md.append(
                pointwise
                        ? "\nMAE is in score points. Accuracy, Agr(2,2) and the macro figures are fractions from 0 to 1;"
                                + " kappa and the correlations run from -1 to 1.\n"
                        : "\nAccuracy, agreement and the macro figures are fractions from 0 to 1; kappa runs from -1 to 1.\n");
        return md.toString();
    }

    /** The figures the scenario table shows: the ones a reader compares scenarios on; the rest are in the JSON. */
    private static List<Metric> scenarioColumns(MetaEvalResult r) {
        List<Metric> wanted = r.mode() == EvalMode.PAIRWISE
                ? List.of(
                        Metric.ACCURACY,
                        Metric.KAPPA,
                        Metric.MACRO_F1,
                        Metric.ACCURACY_AVG_ORDERS,
                        Metric.POSITIONAL_AGREEMENT)
                : List.of(
                        Metric.MAE,
                        Metric.AGR_2_2,
                        Metric.ACCURACY,
                        Metric.KAPPA,
                        Metric.PEARSON,
                        Metric.SPEARMAN,
                        Metric.KENDALL_TAU_B);
        List<Metric> out = new ArrayList<>();
        for (Metric m : wanted) {
            if (r.overall().metrics().has(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /** The figure whose z the scenario table shows: Agr(2,2), as in the paper's Table 4, or the mode's equivalent. */
    static Metric zMetric(MetaEvalResult r) {
        Metrics m = r.overall().metrics();
        return m.has(Metric.AGR_2_2) ? Metric.AGR_2_2 : m.has(Metric.ACCURACY) ? Metric.ACCURACY : Metric.SPEARMAN;
    }

    private static void scenarioRow(
            StringBuilder md, String name, GroupResult g, List<Metric> columns, Metric zMetric) {
        Metrics m = g.metrics();
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(m.n())
                .append(" | ")
                .append(m.missing())
                .append(" |");
        columns.forEach(c -> md.append(' ').append(fixed(m.get(c))).append(" |"));
        Double z = g.z().get(zMetric);
        md.append(' ')
                .append(fixed(g.normalised()))
                .append(" | ")
                .append(z == null ? "–" : signed(z))
                .append(" |\n");
    }

    /** The few lines the command prints. */
    public static String summary(MetaEvalResult r) {
        Metrics m = r.overall().metrics();
        StringBuilder s = new StringBuilder();
        s.append("meta-eval (")
                .append(r.mode().label())
                .append("): ")
                .append(m.n())
                .append(" items, ")
                .append(m.missing())
                .append(" missing (scored as wrong), ")
                .append(r.unmatchedPredictions())
                .append(" unmatched predictions, ")
                .append(r.byScenario().size())
                .append(" scenarios\n");
        s.append("overall:");
        String separator = " ";
        for (Map.Entry<Metric, Double> e : m.values().entrySet()) {
            s.append(separator).append(e.getKey().key()).append(' ').append(fixed(e.getValue()));
            separator = ", ";
        }
        s.append("\nnormalised (")
                .append(Metric.keys(r.aggregate()))
                .append("): ")
                .append(fixed(r.overall().normalised()));
        if (r.overall().normalisedInterval() != null) {
            s.append(" (")
                    .append(percent(r.options().bootstrap().confidence()))
                    .append(" CI ")
                    .append(range(r.overall().normalisedInterval()))
                    .append(")");
        }
        return s.append("\n").toString();
    }

    private static String labels(List<Metric> metrics) {
        List<String> names = metrics.stream().map(Metric::label).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String fixed(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }

    private static String range(Interval interval) {
        return interval == null ? "–" : fixed(interval.lower()) + " to " + fixed(interval.upper());
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + "%";
    }

    /** A table cell: a '|' would split it, a newline would end the row. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
