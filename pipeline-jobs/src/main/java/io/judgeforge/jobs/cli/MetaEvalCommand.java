package io.judgeforge.jobs.cli;

import io.judgeforge.eval.BootstrapSettings;
import io.judgeforge.eval.EvalMode;
import io.judgeforge.eval.MetaEvalOptions;
import io.judgeforge.eval.MetaEvalResult;
import io.judgeforge.eval.MetaEvaluation;
import io.judgeforge.eval.Metric;
import io.judgeforge.eval.PredictionScale;
import io.judgeforge.eval.RatingParser;
import io.judgeforge.eval.ReportWriter;
import io.judgeforge.eval.Scale;
import io.judgeforge.jobs.spark.HadoopTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures a judge's predictions against human labels; the work is in {@link MetaEvaluation}, no Spark session.
 * The tables are read through the Hadoop file system API, so {@code hdfs://} and {@code s3a://} paths work as
 * local ones do; the reports are written locally, for a person to read.
 */
@Command(
        name = "meta-eval",
        mixinStandardHelpOptions = true,
        description = "Compare a judge's predictions with human labels; write report.json and report.md.")
final class MetaEvalCommand implements Callable<Integer> {
    @Option(
            names = "--bench",
            required = true,
            paramLabel = "FILE",
            description =
                    "Human-labelled benchmark (.jsonl, .csv or .parquet; any Hadoop path): id, scenario (optional), human;"
                            + " with --judge-endpoint also instruction and response (reference optional), or response1 and response2 when"
                            + " pairwise.")
    String bench;

    @Option(
            names = "--pred",
            paramLabel = "FILE",
            description =
                    "Judge predictions (.jsonl, .csv or .parquet): id and pred (a number or label) or pred_text (raw"
                            + " output); pairwise, optionally pred_swapped (label, original numbering) or pred_swapped_text (raw output"
                            + " of the swapped order). Give this or --judge-endpoint.")
    String pred;

    @ArgGroup(exclusive = false, heading = "%nPredict by calling a judge (instead of --pred):%n")
    JudgeEndpointOptions judge;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory for the reports (created if absent).")
    Path out;

    // A string rather than an enum so that the value is lowercase and a bad one is a one-line config error.
    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "pointwise",
            description = "pointwise (scores) or pairwise (labels 1, 2, 0 = tie); default ${DEFAULT-VALUE}.")
    String mode;

    @Option(
            names = "--rating-format",
            paramLabel = "FORMAT",
            defaultValue = "themis",
            description = "How to read pred_text: themis, result (the last [RESULT] x), last (the last [[x]]) or"
                    + " regex:PATTERN (one capture group, last match); default ${DEFAULT-VALUE}.")
    String ratingFormat;

    @Option(
            names = "--min-score",
            paramLabel = "N",
            defaultValue = "1",
            description = "Lowest pointwise score (default ${DEFAULT-VALUE}).")
    int minScore;

    @Option(
            names = "--max-score",
            paramLabel = "N",
            defaultValue = "5",
            description = "Highest pointwise score (default ${DEFAULT-VALUE}).")
    int maxScore;

    @Option(
            names = PredictionScale.FLAG,
            paramLabel = "SCALE",
            defaultValue = "same",
            description =
                    "The judge's pointwise scale: same (the benchmark's; every metric), MIN-MAX or any (a scorer on a"
                            + " scale of its own, e.g. probabilities: correlations only); default ${DEFAULT-VALUE}.")
    String predScale;

    @Option(
            names = "--aggregate",
            paramLabel = "METRICS",
            description =
                    "Comma-separated figures the normalised score averages (default: pointwise mae,agr_2_2; pairwise"
                            + " accuracy; own-scale judges pearson,spearman,kendall_tau_b).")
    String aggregate;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Bootstrap resamples for the confidence intervals; 0 for none (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--confidence",
            paramLabel = "LEVEL",
            defaultValue = "0.95",
            description = "Confidence level of the intervals (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the bootstrap, so a report can be reproduced exactly (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((pred == null) == (judge == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    pred == null
                            ? "Missing the predictions: give --pred FILE, or --judge-endpoint URL to produce them by calling a judge"
                            : "--pred and --judge-endpoint exclude each other: give --pred FILE to evaluate a file, or --judge-endpoint"
                                    + " URL to produce the predictions first");
        }
        Scale scale = new Scale(minScore, maxScore);
        EvalMode evalMode = EvalMode.parse(mode);
        MetaEvalOptions options = new MetaEvalOptions(
                evalMode,
                ratingFormat,
                scale,
                PredictionScale.parse(predScale, scale),
                aggregate == null || aggregate.isBlank() ? List.of() : Metric.parseList("--aggregate", aggregate),
                new BootstrapSettings(bootstrap, confidence, seed));
        // Checked now, so a bad --rating-format costs no judge calls.
        RatingParser.of(ratingFormat, evalMode, scale, options.predictionScale());
        HadoopTables tables = new HadoopTables(new Configuration());
        if (judge != null) {
            pred = judge.writePredictions(
                            bench,
                            tables,
                            evalMode,
                            scale,
                            ratingFormat,
                            out,
                            spec.commandLine().getOut(),
                            spec.commandLine().getErr())
                    .toString();
        }
        MetaEvalResult result = MetaEvaluation.run(bench, pred, options, tables);
        List<Path> written = ReportWriter.write(result, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(ReportWriter.summary(result));
        stdout.println("wrote " + written.get(0) + " and " + written.get(1));
        stdout.flush();
        return 0;
    }
}
