package io.judgeforge.jobs.cli;

import io.judgeforge.eval.EvalMode;
import io.judgeforge.eval.MetaEvalResult;
import io.judgeforge.eval.MetaEvaluation;
import io.judgeforge.eval.ReportWriter;
import io.judgeforge.eval.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures a judge's predictions against human labels; the work is in {@link MetaEvaluation}, no Spark. */
@Command(name = "meta-eval", mixinStandardHelpOptions = true,
    description = "Compare a judge's predictions with human labels; write report.json and report.md.")
final class MetaEvalCommand implements Callable<Integer> {
  @Option(names = "--bench", required = true, paramLabel = "FILE",
      description = "Human-labelled benchmark (.jsonl/.json lines or .csv): id, scenario (optional), human.")
  Path bench;

  @Option(names = "--pred", required = true, paramLabel = "FILE",
      description = "Judge predictions (.jsonl/.json lines or .csv): id and pred (a number or label) or pred_text (raw output).")
  Path pred;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the reports (created if absent).")
  Path out;

  // A string rather than an enum so that the value is lowercase and a bad one is a one-line config error.
  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "pointwise",
      description = "pointwise (scores) or pairwise (labels 1, 2, 0 = tie); default ${DEFAULT-VALUE}.")
  String mode;

  @Option(names = "--rating-format", paramLabel = "FORMAT", defaultValue = "themis",
      description = "How to read pred_text: themis, result (the last [RESULT] x), last (the last [[x]]) or"
          + " regex:PATTERN (one capture group, last match); default ${DEFAULT-VALUE}.")
  String ratingFormat;

  @Option(names = "--min-score", paramLabel = "N", defaultValue = "1", description = "Lowest pointwise score (default ${DEFAULT-VALUE}).")
  int minScore;

  @Option(names = "--max-score", paramLabel = "N", defaultValue = "5", description = "Highest pointwise score (default ${DEFAULT-VALUE}).")
  int maxScore;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MetaEvalResult result = MetaEvaluation.run(bench, pred, EvalMode.parse(mode), ratingFormat, new Scale(minScore, maxScore));
    List<Path> written = ReportWriter.write(result, out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(ReportWriter.summary(result));
    stdout.println("wrote " + written.get(0) + " and " + written.get(1));
    stdout.flush();
    return 0;
  }
}
