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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks: measured speed of the pipeline's paths, for BENCHMARKS.md (never timed unit tests). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measure the pipeline: its speed, its classifier's agreement with benchmark labels, and the meta-evaluation's speed.",
        subcommands = {
            BenchCommand.PipelineBench.class,
            BenchCommand.TeacherPathBench.class,
            BenchCommand.ClassifierBench.class,
            MetaEvalBench.class,
            StagesBench.class,
            ScaleBench.class
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.USAGE;
    }

    /**
     * The teacher call path against a simulator with latency L: unlimited (ideal = in-flight / L), with
     * a server-side RPM limit R (ideal = min(R/60, in-flight / L)), the rate-limited workload again
     * at one call at a time per partition, SynapseML's default, for the speed-up, and (on request) the
     * limit enforced by the server without the client being told it.
     */
    @Command(
            name = "teacher",
            mixinStandardHelpOptions = true,
            description = "Measure teacher-call throughput through the Spark path against the simulator.")
    static final class TeacherPathBench implements Callable<Integer> {
        @Option(
                names = "--requests",
                defaultValue = "1200",
                description = "Requests per case (default ${DEFAULT-VALUE}).")
        int requests;

        @Option(
                names = "--latency-ms",
                defaultValue = "100",
                description = "Simulator latency (default ${DEFAULT-VALUE}).")
        int latencyMs;

        @Option(
                names = "--latency-p99-ms",
                defaultValue = "0",
                description = "If > 0, the latency varies (lognormal) with --latency-ms its mean and this its 99th"
                        + " percentile; 0 = fixed (default ${DEFAULT-VALUE}).")
        int latencyP99Ms;

        @Option(
                names = "--in-flight",
                defaultValue = "32",
                description = "max-in-flight per JVM (default ${DEFAULT-VALUE}).")
        int inFlight;

        @Option(
                names = "--rpm",
                defaultValue = "3000",
                description = "Server RPM limit of the limited cases; the client's too, except in client-unaware"
                        + " (default ${DEFAULT-VALUE}).")
        int rpm;

        @Option(names = "--partitions", defaultValue = "4", description = "Partitions (default ${DEFAULT-VALUE}).")
        int partitions;

        @Option(
                names = "--cases",
                defaultValue = "unlimited,rate-limited,one-at-a-time,one-at-a-time-unlimited",
                description = "Cases to run, comma-separated, of unlimited, rate-limited, one-at-a-time,"
                        + " one-at-a-time-unlimited and client-unaware (default ${DEFAULT-VALUE}).")
        String cases;

        @Option(
                names = "--rate-window-ms",
                defaultValue = "1000",
                description = "client-unaware: the sliding window the server counts --rpm over, allowing its share"
                        + " (default ${DEFAULT-VALUE}; the told cases count over a minute).")
        long rateWindowMs;

        @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (requests < 1
                    || latencyMs < 1
                    || inFlight < 1
                    || rpm < 1
                    || partitions < 1
                    || rateWindowMs < 1
                    || (latencyP99Ms != 0 && latencyP99Ms <= latencyMs)) {
                throw new io.judgeforge.config.ConfigException(
                        "Invalid bench teacher options: every value must be >= 1, and --latency-p99-ms 0 or above"
                                + " --latency-ms");
            }
            List<TeacherBench.Case> selected = TeacherBench.Case.parse(cases);
            // Before Spark starts: without the simulator on the classpath there is nothing to measure.
            io.judgeforge.teacher.LocalEndpointServers.simulator(TeacherBench.NEEDS_SIMULATOR, "");
            PrintWriter out = spec.commandLine().getOut();
            org.apache.spark.sql.SparkSession spark = org.apache.spark.sql.SparkSession.builder()
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            // The warm-up is for the JIT and Spark, not the latency: at 5 s it would cost half a minute.
            TeacherBench.run(
                    spark,
                    "warm-up",
                    Math.min(200, requests),
                    Math.min(100, latencyMs),
                    0,
                    inFlight,
                    inFlight,
                    0,
                    0,
                    60_000,
                    partitions);
            TeacherBench.Settings settings = new TeacherBench.Settings(
                    requests, latencyMs, latencyP99Ms, inFlight, rpm, partitions, rateWindowMs);
            Map<TeacherBench.Case, TeacherBench.Result> results = new java.util.EnumMap<>(TeacherBench.Case.class);
            for (TeacherBench.Case c : selected) {
                results.put(c, c.run(spark, settings));
            }
            out.printf(
                    "%-24s %8s %10s %12s %7s %6s %11s %7s %8s%n",
                    "case",
                    "requests",
                    "ideal rps",
                    "achieved rps",
                    "ratio",
                    "429s",
                    "duplicates",
                    "failed",
                    "seconds");
            for (TeacherBench.Result r : results.values()) {
                out.printf(
                        "%-24s %8d %10.1f %12.1f %7.3f %6d %11d %7d %8.1f%n",
                        r.name(),
                        r.requests(),
                        r.idealRps(),
                        r.achievedRps(),
                        r.ratio(),
                        r.http429(),
                        r.duplicates(),
                        r.failed(),
                        r.seconds());
            }
            out.printf(
                    "latency %d ms%s, in-flight %d per JVM, server limit %d rpm, %d partitions on local[2]%s%n",
                    latencyMs,
                    latencyP99Ms > 0 ? " mean (lognormal, p99 " + latencyP99Ms + " ms)" : "",
                    inFlight,
                    rpm,
                    partitions,
                    results.containsKey(TeacherBench.Case.CLIENT_UNAWARE)
                            ? "; client-unaware: the server counts over " + rateWindowMs
                                    + " ms windows, the client has no rpm"
                            : "");
            TeacherBench.Result unlimited = results.get(TeacherBench.Case.UNLIMITED);
            TeacherBench.Result limited = results.get(TeacherBench.Case.RATE_LIMITED);
            TeacherBench.Result baseline = results.get(TeacherBench.Case.ONE_AT_A_TIME);
            TeacherBench.Result baselineUnlimited = results.get(TeacherBench.Case.ONE_AT_A_TIME_UNLIMITED);
            if (limited != null && baseline != null && unlimited != null && baselineUnlimited != null) {
                out.printf(
                        "speed-up over one call at a time per partition: %.1fx with the server limit, %.1fx without%n",
                        limited.achievedRps() / baseline.achievedRps(),
                        unlimited.achievedRps() / baselineUnlimited.achievedRps());
            }
            if (json) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("latency_ms", latencyMs);
                figures.put("latency_p99_ms", latencyP99Ms);
                Map<String, Object> byCase = new LinkedHashMap<>();
                results.values().forEach(r -> byCase.put(r.name(), r.figures()));
                figures.put("cases", byCase);
                if (limited != null && baseline != null && unlimited != null && baselineUnlimited != null) {
                    figures.put("speedup", limited.achievedRps() / baseline.achievedRps());
                    figures.put("speedup_unlimited", unlimited.achievedRps() / baselineUnlimited.achievedRps());
                }
                out.println(Json.write(figures));
            }
            return 0;
        }
    }

    /** The whole pipeline, repeated in one JVM: the first run pays Spark's start-up, later runs do not. */
    @Command(
            name = "pipeline",
            mixinStandardHelpOptions = true,
            description = "Run the whole pipeline --repeat times and report wall time per stage and calls per second.")
    static final class PipelineBench implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = "judgeforge-bench",
                description = "Output root (default ${DEFAULT-VALUE}).")
        String out;

        @Option(
                names = "--repeat",
                paramLabel = "N",
                defaultValue = "3",
                description = "Runs (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            if (repeat < 1) {
                throw new io.judgeforge.config.ConfigException(
                        "Invalid value for '--repeat': " + repeat + " (expected an integer >= 1)");
            }
            List<Map<String, Long>> stageMs = new ArrayList<>();
            List<Long> totals = new ArrayList<>();
            long calls = 0;
            long records = 0;
            for (int r = 0; r < repeat; r++) {
                long start = System.nanoTime();
                try (Launch launch = Launch.load(options.conf, options.overrides)) {
                    PipelineContext ctx = launch.context(out, launch.newRunId(), true, line -> {}, null);
                    Pipeline.Result result = Pipeline.run(ctx, Pipeline.STAGES, stage -> {});
                    Map<String, Long> perStage = new LinkedHashMap<>();
                    for (StageReport report : result.reports()) {
                        perStage.put(report.stage(), report.wallMs());
                    }
                    stageMs.add(perStage);
                    calls = result.reports().stream()
                            .mapToLong(StageReport::calls)
                            .sum();
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
                double warm = repeat > 1
                        ? median(stageMs.subList(1, repeat).stream()
                                        .map(m -> m.get(stage))
                                        .toList())
                                / 1000.0
                        : first;
                stdout.printf("%-10s %10.1f %10s%n", stage, first, repeat > 1 ? String.format("%.1f", warm) : "");
                stagesJson.put(stage, Map.of("first_s", first, "warm_median_s", warm));
            }
            double firstTotal = totals.get(0) / 1000.0;
            double warmTotal = repeat > 1 ? median(totals.subList(1, repeat)) / 1000.0 : firstTotal;
            stdout.printf(
                    "%-10s %10.1f %10s%n", "total", firstTotal, repeat > 1 ? String.format("%.1f", warmTotal) : "");
            stdout.printf(
                    "(* median of runs 2..%d, in the same JVM)%nteacher calls per run: %d, exported records: %d, calls/s (warm): %.0f%n",
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

    /**
     * The classify stage against MT-Bench's and AlignBench's own category labels: their questions are
     * imported (no scenario given) and classified by the configured teacher, and each label is scored
     * against the set of scenarios its category mapping accepts (docs/classifier-agreement.md).
     */
    @Command(
            name = "classifier",
            mixinStandardHelpOptions = true,
            description = "Measure the classify stage's agreement with MT-Bench's and AlignBench's category labels.")
    static final class ClassifierBench implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Option(
                names = "--research-data",
                paramLabel = "DIR",
                defaultValue = "../shared/research-data",
                description = "The shared research-data folder (default ${DEFAULT-VALUE}).")
        String researchData;

        @Option(
                names = "--mappings",
                paramLabel = "DIR",
                description = "Folder of <benchmark>.yaml category mappings"
                        + " (default: category-mappings beside the config file).")
        String mappings;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                defaultValue = "judgeforge-bench",
                description = "Output root (default ${DEFAULT-VALUE}).")
        String out;

        @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter stdout = spec.commandLine().getOut();
            ResearchDataInputs inputs = new ResearchDataInputs(java.nio.file.Path.of(researchData));
            java.nio.file.Path work =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of(out, "classifier-inputs"));
            java.nio.file.Path instructions = work.resolve("instructions.jsonl");
            java.nio.file.Path labels = work.resolve("labels.jsonl");
            inputs.writeInstructions(instructions, labels);
            // Nothing is generated, and validation keeps every benchmark question but exact duplicates
            // (which count as missing): the measure is of the classifier.
            List<String> overrides = new ArrayList<>(options.overrides);
            overrides.addAll(List.of(
                    "generate.quota=0",
                    "generate.quotas={}",
                    "generate.min-words=1",
                    "generate.max-words=100000",
                    "generate.shingle-words=1",
                    "generate.near-duplicate-jaccard=0",
                    "inputs.instructions=" + instructions.toAbsolutePath()));
            java.nio.file.Path mappingDir = mappings != null
                    ? java.nio.file.Path.of(mappings)
                    : java.nio.file.Path.of(options.conf)
                            .toAbsolutePath()
                            .getParent()
                            .resolve("category-mappings");
            try (Launch launch = Launch.load(options.conf, overrides)) {
                java.util.Set<String> ids = new java.util.HashSet<>();
                launch.catalog.scenarios().forEach(s -> ids.add(s.id()));
                Map<String, io.judgeforge.stage.classify.CategoryMapping> byBenchmark = new LinkedHashMap<>();
                for (String benchmark : List.of("mtbench", "alignbench")) {
                    byBenchmark.put(
                            benchmark,
                            io.judgeforge.stage.classify.CategoryMapping.load(
                                    mappingDir.resolve(benchmark + ".yaml"), ids));
                }
                PipelineContext ctx = launch.context(out, launch.newRunId(), true, line -> stdout.println(line), null);
                Pipeline.run(ctx, List.of(Pipeline.stage("generate"), Pipeline.stage("classify")), stage -> {});
                org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> labelRows = ctx.spark()
                        .read()
                        .schema("id STRING, benchmark STRING, category STRING, subcategory STRING")
                        .json(labels.toString());
                Map<String, io.judgeforge.stage.classify.LabelAgreement.Result> results =
                        io.judgeforge.jobs.stage.ClassifierAgreement.measure(
                                ctx.spark().read().parquet(ctx.layout().records("classify")), labelRows, byBenchmark);
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("teacher", launch.config.teacher().model());
                for (Map.Entry<String, io.judgeforge.stage.classify.LabelAgreement.Result> e : results.entrySet()) {
                    var r = e.getValue();
                    stdout.printf(
                            "%n## %s: agreement %.3f (%d of %d; %d without a label)%n%n%s%n",
                            e.getKey(), r.agreement(), r.agreed(), r.n(), r.missing(), r.toMarkdown());
                    figures.put(
                            e.getKey(),
                            Map.of(
                                    "n",
                                    r.n(),
                                    "agreed",
                                    r.agreed(),
                                    "missing",
                                    r.missing(),
                                    "agreement",
                                    r.agreement()));
                }
                stdout.printf(
                        "teacher %s; run %s%n",
                        launch.config.teacher().model(), ctx.layout().run());
                if (json) {
                    stdout.println(Json.write(figures));
                }
            }
            return 0;
        }
    }
}
