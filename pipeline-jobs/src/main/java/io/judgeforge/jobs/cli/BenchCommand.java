package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Benchmarks: measured speed of the pipeline's paths, for BENCHMARKS.md (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the speed of the pipeline.",
    subcommands = {BenchCommand.PipelineBench.class})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Main.USAGE;
  }

  /** The whole pipeline, repeated in one JVM: the first run pays Spark's start-up, later runs do not. */
  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = "Run the whole pipeline --repeat times and report wall time per stage and calls per second.")
  static final class PipelineBench implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "judgeforge-bench", description = "Output root (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter stdout = spec.commandLine().getOut();
      if (repeat < 1) {
        throw new io.judgeforge.config.ConfigException("Invalid value for '--repeat': " + repeat + " (expected an integer >= 1)");
      }
      List<Map<String, Long>> stageMs = new ArrayList<>();
      List<Long> totals = new ArrayList<>();
      long calls = 0;
      long records = 0;
      for (int r = 0; r < repeat; r++) {
        long start = System.nanoTime();
        try (Launch launch = Launch.load(options.conf, options.overrides)) {
          PipelineContext ctx = launch.context(out, launch.newRunId(), true, line -> { }, null);
          Pipeline.Result result = Pipeline.run(ctx, Pipeline.STAGES, stage -> { });
          Map<String, Long> perStage = new LinkedHashMap<>();
          for (StageReport report : result.reports()) {
            perStage.put(report.stage(), report.wallMs());
          }
          stageMs.add(perStage);
          calls = result.reports().stream().mapToLong(StageReport::calls).sum();
          records = result.reports().get(result.reports().size() - 1).records();
        }
        totals.add((System.nanoTime() - start) / 1_000_000);
        stdout.printf("run %d: %.1f s%n", r + 1, totals.get(r) / 1000.0);
        stdout.flush();
      }
      stdout.printf("%n%-10s %10s %10s%n", "stage", "first s", repeat > 1 ? "median s*" : "");
      Map<String, Object> stagesJson = new LinkedHashMap<>();
      for (String stage : stageMs.get(0).keySet()) {
        double first = stageMs.get(0).get(stage) / 1000.0;
        double warm = repeat > 1 ? median(stageMs.subList(1, repeat).stream().map(m -> m.get(stage)).toList()) / 1000.0 : first;
        stdout.printf("%-10s %10.1f %10s%n", stage, first, repeat > 1 ? String.format("%.1f", warm) : "");
        stagesJson.put(stage, Map.of("first_s", first, "warm_median_s", warm));
      }
      double firstTotal = totals.get(0) / 1000.0;
      double warmTotal = repeat > 1 ? median(totals.subList(1, repeat)) / 1000.0 : firstTotal;
      stdout.printf("%-10s %10.1f %10s%n", "total", firstTotal, repeat > 1 ? String.format("%.1f", warmTotal) : "");
      stdout.printf("(* median of runs 2..%d, in the same JVM)%nteacher calls per run: %d, exported records: %d, calls/s (warm): %.0f%n",
          repeat, calls, records, calls / warmTotal);
      if (json) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("runs", repeat);
        figures.put("first_run_s", firstTotal);
        figures.put("warm_median_s", warmTotal);
        figures.put("calls_per_run", calls);
        figures.put("exported_records", records);
        figures.put("calls_per_s", calls / warmTotal);
        figures.put("stages", stagesJson);
        stdout.println(Json.write(figures));
      }
      return 0;
    }

    private static double median(List<Long> values) {
      List<Long> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
  }
}
