package io.judgeforge.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.judgeforge.config.ConfigException;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link MetaEvalResult} as {@code report.json} (for programs: fractions in 0..1, full precision) and
 * {@code report.md} (for a person who has not read the code: what was compared, the tables, how missing
 * predictions were scored and what each metric means), and gives the short summary the command prints.
 */
public final class ReportWriter {
  public static final String JSON_FILE = "report.json";
  public static final String MARKDOWN_FILE = "report.md";

  private ReportWriter() {}

  /** Writes both reports into {@code outDir}, creating it if absent; returns their paths. */
  public static List<Path> write(MetaEvalResult result, Path outDir) {
    ConfigException.check(!Files.exists(outDir) || Files.isDirectory(outDir), "--out", outDir.toString(),
        "a directory; a file of that name exists");
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new ConfigException("Cannot create output directory " + outDir + " for '--out': " + e.getMessage(), e);
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

  /** The {@code report.json} text. */
  public static String json(MetaEvalResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("mode", r.mode().label());
    root.put("rating_format", r.ratingFormat());
    root.put("bench", r.bench());
    root.put("pred", r.pred());
    root.put("overall", metrics(r.overall()));
    Map<String, Object> byScenario = new LinkedHashMap<>();
    r.byScenario().forEach((scenario, m) -> byScenario.put(scenario, metrics(m)));
    root.put("by_scenario", byScenario);
    root.put("unmatched_predictions", r.unmatchedPredictions());
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("missing", missingRule(r));
    if (r.mode() == EvalMode.POINTWISE) {
      rules.put("rounding", ROUNDING_RULE);
    }
    rules.put("unmatched", UNMATCHED_RULE);
    root.put("rules", rules);
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write report.json", e);
    }
  }

  private static Map<String, Object> metrics(Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("n", m.n());
    out.put("missing", m.missing());
    if (m.mae() != null) {
      out.put("mae", m.mae());
      out.put("agr_2_2", m.agr22());
    }
    out.put("accuracy", m.accuracy());
    return out;
  }

  static final String ROUNDING_RULE = "mae uses each prediction as given; accuracy and agr_2_2 first round the"
      + " prediction to the nearest integer (halves round up) and compare it with the human score.";

  static final String UNMATCHED_RULE = "Predictions whose id is not in the benchmark are ignored and counted in"
      + " unmatched_predictions.";

  /** How an item without a usable prediction was scored; the same sentence goes into both reports. */
  static String missingRule(MetaEvalResult r) {
    String what = "A benchmark item with no prediction, or whose prediction is empty, cannot be parsed or is ";
    if (r.mode() == EvalMode.PAIRWISE) {
      return what + "not one of the labels 1, 2 or 0 (tie), is counted in 'missing' and scored as wrong: it counts as"
          + " a miss for accuracy. It is never dropped.";
    }
    Scale s = r.scale();
    return what + "off the " + s.min() + "-" + s.max() + " scale, is counted in 'missing' and scored as wrong: 0 for accuracy and"
        + " agr_2_2, and for mae the largest error possible for that item on the scale, max(human - " + s.min()
        + ", " + s.max() + " - human). It is never dropped.";
  }

  /** The {@code report.md} text. */
  public static String markdown(MetaEvalResult r) {
    boolean pointwise = r.mode() == EvalMode.POINTWISE;
    int missing = r.overall().missing();
    StringBuilder md = new StringBuilder();
    md.append("# Meta-evaluation report\n\n");
    md.append("How closely a judge's predictions agree with human labels on a benchmark.\n\n");

    md.append("## What was compared\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| Mode | ").append(pointwise
        ? "pointwise: each response has a score from " + r.scale().min() + " to " + r.scale().max()
        : "pairwise: each item compares two responses; 1 = the first is better, 2 = the second, 0 = a tie")
        .append(" |\n");
    md.append("| Human labels (benchmark) | `").append(cell(r.bench())).append("`: ").append(r.overall().n())
        .append(" items, ").append(r.byScenario().size()).append(" scenarios |\n");
    md.append("| Judge predictions | `").append(cell(r.pred())).append("`; raw judge output (`pred_text`), where given,"
        + " read with rating format `").append(cell(r.ratingFormat())).append("` |\n");
    md.append("| Items without a usable prediction | ").append(missing);
    if (missing > 0) {
      md.append(" (").append(r.withoutPrediction()).append(" with no prediction, ").append(missing - r.withoutPrediction())
          .append(pointwise ? " empty, unparseable or off the scale)" : " empty, unparseable or not a label)");
    }
    md.append(" |\n");
    md.append("| Predictions for ids not in the benchmark (ignored) | ").append(r.unmatchedPredictions()).append(" |\n\n");

    md.append("## Overall\n\n");
    header(md, pointwise, false);
    row(md, pointwise, null, r.overall());
    md.append("\n## By scenario\n\n");
    if (r.byScenario().isEmpty()) {
      md.append("No benchmark row names a scenario, so there is no breakdown.\n");
    } else {
      header(md, pointwise, true);
      r.byScenario().forEach((scenario, m) -> row(md, pointwise, scenario, m));
      md.append("\nItems without a scenario count in the overall figures only.\n");
    }

    md.append("\n## Missing predictions\n\n");
    md.append(missingRule(r)).append("\n");
    if (pointwise) {
      md.append("\nRounding: ").append(ROUNDING_RULE).append("\n");
    }
    if (!r.missingExamples().isEmpty()) {
      md.append("\nFirst ").append(r.missingExamples().size()).append(" of ").append(missing).append(", in benchmark order:\n\n");
      r.missingExamples().forEach(e -> md.append("- ").append(e).append("\n"));
    }

    md.append("\n## What the metrics mean\n\n");
    md.append("- **Items**: benchmark items compared; each counts once, with or without a usable prediction.\n");
    md.append("- **Missing**: items whose prediction is absent, empty, unparseable or ")
        .append(pointwise ? "off the scale" : "not a label").append("; each is scored as wrong (see above).\n");
    if (pointwise) {
      md.append("- **MAE** (lower is better): the mean absolute difference between the judge's score and the human"
          + " score; 0 means every score matches.\n");
      md.append("- **Agr(2,2)** (higher is better): the Themis paper's agreement; an item scores 1 for an exact match,"
          + " 0.25 when off by one point and 0 otherwise, averaged over the items.\n");
      md.append("- **Accuracy** (higher is better): the fraction of items where the judge's rounded score equals the"
          + " human score.\n");
    } else {
      md.append("- **Accuracy** (higher is better): the fraction of items where the judge's verdict (first better,"
          + " second better or tie) equals the human label; a tie is a third class, not half a match.\n");
    }
    md.append(pointwise ? "\nMAE is in score points; the other figures are fractions from 0 to 1.\n"
        : "\nAccuracy is a fraction from 0 to 1.\n");
    return md.toString();
  }

  private static void header(StringBuilder md, boolean pointwise, boolean scenario) {
    md.append(scenario ? "| Scenario | Items | Missing |" : "| Items | Missing |");
    md.append(pointwise ? " MAE | Agr(2,2) | Accuracy |\n" : " Accuracy |\n");
    md.append(scenario ? "|---|---:|---:|" : "|---:|---:|");
    md.append(pointwise ? "---:|---:|---:|\n" : "---:|\n");
  }

  private static void row(StringBuilder md, boolean pointwise, String scenario, Metrics m) {
    md.append("| ");
    if (scenario != null) {
      md.append(cell(scenario)).append(" | ");
    }
    md.append(m.n()).append(" | ").append(m.missing()).append(" | ");
    if (pointwise) {
      md.append(fixed(m.mae())).append(" | ").append(fixed(m.agr22())).append(" | ");
    }
    md.append(fixed(m.accuracy())).append(" |\n");
  }

  /** The few lines the command prints. */
  public static String summary(MetaEvalResult r) {
    Metrics m = r.overall();
    StringBuilder s = new StringBuilder();
    s.append("meta-eval (").append(r.mode().label()).append("): ").append(m.n()).append(" items, ")
        .append(m.missing()).append(" missing (scored as wrong), ").append(r.unmatchedPredictions())
        .append(" unmatched predictions, ").append(r.byScenario().size()).append(" scenarios\n");
    s.append("overall:");
    if (m.mae() != null) {
      s.append(" mae ").append(fixed(m.mae())).append(", agr_2_2 ").append(fixed(m.agr22())).append(",");
    }
    s.append(" accuracy ").append(fixed(m.accuracy())).append("\n");
    return s.toString();
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** A table cell: a '|' would split it, a newline would end the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
