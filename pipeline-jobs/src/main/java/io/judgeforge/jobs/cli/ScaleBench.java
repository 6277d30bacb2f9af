package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.IoTimes;
import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/**
 * The whole pipeline at the Themis paper's scale, or fractions of it, in one JVM against the config's
 * endpoints (conf/local.yaml: the in-process simulator): {@link ScalePlan} sets the quotas and judge
 * caps, {@link SyntheticReferences} writes the passages. Each fraction runs under its own output
 * folder, so no run finds another's responses in the store. A small warm-up run first pays Spark's
 * start-up and the JIT, and is not reported.
 */
@Command(
        name = "scale",
        mixinStandardHelpOptions = true,
        description = "Run the whole pipeline at fractions of the Themis paper's scale (21,974 instructions,"
                + " 10,000 pointwise and 5,000 pairwise judgments) and report time, calls/s, memory and growth.")
final class ScaleBench implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(
            names = "--fractions",
            paramLabel = "F,F,...",
            split = ",",
            defaultValue = "0.125,0.25,0.5,1",
            description = "Fractions of the paper's scale, each in (0, 1] (default ${DEFAULT-VALUE}).")
    List<Double> fractions;

    @Option(
            names = "--warm-up",
            paramLabel = "F",
            defaultValue = "0.005",
            description = "Fraction of the unreported warm-up run; 0 = none (default ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "judgeforge-bench-scale",
            description = "Output root; each fraction runs under DIR/f<fraction> (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * The quiz scenarios' attributes, as conf/local.yaml's, each with 300 topics: the simulator's quiz
     * questions vary by attribute, so the few topics of the README run would yield mostly duplicates
     * at thousands of questions.
     */
    static final String QUIZ = "{"
            + quiz(
                    "math_qa",
                    "[elementary, intermediate, advanced]",
                    "[middle-school students, university students," + " data analysts]",
                    "[arithmetic, algebra, statistics]",
                    "percentages for the %s survey",
                    "[compute a value, solve step by step, find an error in a worked solution]")
            + ", "
            + quiz(
                    "reading_comprehension",
                    "[elementary, intermediate, advanced]",
                    "[middle-school students," + " university students, working professionals]",
                    "[reading comprehension]",
                    "news about the %s project",
                    "[answer a question about it, extract key facts, summarize," + " give it a title]")
            + ", "
            + quiz(
                    "programming",
                    "[elementary, intermediate, advanced]",
                    "[university students, software" + " engineers, data analysts]",
                    "[Python programming, SQL, JavaScript]",
                    "data handling for the %s service",
                    "[write a function, find a bug, explain what code does," + " optimize code]")
            + "}";

    private static String quiz(
            String scenario, String difficulty, String audience, String subject, String topicPattern, String task) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(scenario.hashCode());
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            topics.add(String.format(topicPattern, SyntheticReferences.name(random)));
        }
        return scenario + ": {difficulty: " + difficulty + ", audience: " + audience + ", subject: " + subject
                + ", topic: [" + String.join(", ", topics) + "], task: " + task + "}";
    }

    /** One stage of one run: wall time, calls, records, and the storage time it spent. */
    record StageFigures(String stage, long wallMs, long calls, long records, Map<IoTimes.Kind, Long> ioNanos) {}

    /** One run at one fraction. */
    record RunFigures(ScalePlan plan, long wallMs, List<StageFigures> stages, long peakHeap, long gcCount, long gcMs) {
        long calls() {
            return stages.stream().mapToLong(StageFigures::calls).sum();
        }

        long io(IoTimes.Kind kind) {
            return stages.stream().mapToLong(s -> s.ioNanos().get(kind)).sum();
        }

        long generated() {
            return stages.isEmpty() ? 0 : stages.get(0).records();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<ScalePlan> plans = fractions.stream().map(ScalePlan::of).toList();
        if (warmUp > 0) {
            stdout.printf("warm-up at %.4g of the scale (not reported)%n", warmUp);
            stdout.flush();
            run(ScalePlan.of(warmUp), stdout);
        }
        List<RunFigures> runs = new ArrayList<>();
        for (ScalePlan plan : plans) {
            RunFigures figures = run(plan, stdout);
            runs.add(figures);
            printRun(stdout, figures);
        }
        printGrowth(stdout, runs);
        if (json) {
            stdout.println(Json.write(toJson(runs)));
        }
        return 0;
    }

    private RunFigures run(ScalePlan plan, PrintWriter stdout) throws IOException {
        String folder = Path.of(out, "f" + plan.fraction()).toAbsolutePath().toString();
        Path references = Path.of(folder, "inputs", "references.jsonl");
        SyntheticReferences.write(references, plan.references(), 20250205L);
        List<String> overrides = new ArrayList<>(options.overrides);
        overrides.addAll(plan.overrides(references.toString()));
        overrides.add("generate.quiz-by-scenario=" + QUIZ);
        // Top-up rounds replace what validation removed; at this size a few more than the default 3.
        overrides.add("generate.max-rounds=5");
        stdout.printf(
                "%n== %.4g of the scale: %d instructions %s, %d pointwise, %d pairs; %d passages; under %s%n",
                plan.fraction(),
                plan.instructions(),
                plan.quotas(),
                plan.pointwise(),
                plan.pairs(),
                plan.references(),
                folder);
        stdout.flush();
        List<String> started = new ArrayList<>();
        List<Map<IoTimes.Kind, Long>> atStart = new ArrayList<>();
        long start = System.nanoTime();
        Pipeline.Result result;
        try (Launch launch = Launch.load(options.conf, overrides);
                HeapPeak heap = new HeapPeak(200)) {
            PipelineContext ctx = launch.context(
                    folder,
                    launch.newRunId(),
                    true,
                    line -> {
                        stdout.println(line);
                        stdout.flush();
                    },
                    null);
            result = Pipeline.run(ctx, Pipeline.STAGES, stage -> {
                started.add(stage);
                atStart.add(IoTimes.snapshot());
            });
            atStart.add(IoTimes.snapshot());
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            List<StageFigures> stages = new ArrayList<>();
            for (int i = 0; i < result.reports().size(); i++) {
                StageReport report = result.reports().get(i);
                Map<IoTimes.Kind, Long> io = new LinkedHashMap<>();
                for (IoTimes.Kind kind : IoTimes.Kind.values()) {
                    io.put(kind, atStart.get(i + 1).get(kind) - atStart.get(i).get(kind));
                }
                stages.add(new StageFigures(report.stage(), report.wallMs(), report.calls(), report.records(), io));
            }
            return new RunFigures(plan, wallMs, stages, heap.peakBytes(), heap.gcCollections(), heap.gcMillis());
        }
    }

    private void printRun(PrintWriter stdout, RunFigures run) {
        int cores = Runtime.getRuntime().availableProcessors();
        stdout.printf(
                "%n%-9s %9s %9s %9s %9s %10s %10s %10s%n",
                "stage", "wall s", "calls", "calls/s", "records", "store s*", "itemlog s", "writes s");
        for (StageFigures s : run.stages()) {
            stdout.printf(
                    "%-9s %9.1f %9d %9.1f %9d %10.1f %10.1f %10.1f%n",
                    s.stage(),
                    s.wallMs() / 1000.0,
                    s.calls(),
                    s.calls() * 1000.0 / Math.max(1, s.wallMs()),
                    s.records(),
                    seconds(s.ioNanos().get(IoTimes.Kind.STORE)),
                    seconds(s.ioNanos().get(IoTimes.Kind.ITEM_LOG)),
                    seconds(s.ioNanos().get(IoTimes.Kind.STAGE_WRITES)));
        }
        double wall = run.wallMs() / 1000.0;
        stdout.printf("%-9s %9.1f %9d %9.1f%n", "total", wall, run.calls(), run.calls() / Math.max(wall, 0.001));
        stdout.printf(
                "instructions generated %d of %d; peak heap %.0f MiB of %.0f MiB (driver and executors: one JVM in"
                        + " local mode); GC %d collections, %.1f s%n",
                run.generated(),
                run.plan().instructions(),
                run.peakHeap() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                run.gcCount(),
                run.gcMs() / 1000.0);
        stdout.printf(
                "storage: store %.1f s of %.1f s teacher-item thread time (%.1f%%, summed over concurrent calls);"
                        + " item-log writers %.1f s (%.1f%% of %d cores x wall); stage writes %.1f s (%.1f%% of"
                        + " wall, driver)%n",
                seconds(run.io(IoTimes.Kind.STORE)),
                seconds(run.io(IoTimes.Kind.TEACHER_ITEMS)),
                percent(run.io(IoTimes.Kind.STORE), run.io(IoTimes.Kind.TEACHER_ITEMS)),
                seconds(run.io(IoTimes.Kind.ITEM_LOG)),
                percent(run.io(IoTimes.Kind.ITEM_LOG), run.wallMs() * 1_000_000L * cores),
                cores,
                seconds(run.io(IoTimes.Kind.STAGE_WRITES)),
                percent(run.io(IoTimes.Kind.STAGE_WRITES), run.wallMs() * 1_000_000L));
        stdout.println("(* store time is spent inside calls that run concurrently: it is compared with their sum)");
        stdout.flush();
    }

    private static void printGrowth(PrintWriter stdout, List<RunFigures> runs) {
        if (runs.isEmpty()) {
            return;
        }
        RunFigures base = runs.get(0);
        stdout.printf(
                "%n%-9s %12s %9s %9s %12s %16s%n",
                "fraction", "instructions", "calls", "wall s", "s per 1k ins", "growth vs linear");
        for (RunFigures r : runs) {
            stdout.printf(
                    "%-9.4g %12d %9d %9.1f %12.2f %16.2f%n",
                    r.plan().fraction(),
                    r.plan().instructions(),
                    r.calls(),
                    r.wallMs() / 1000.0,
                    r.wallMs() / (double) r.plan().instructions(),
                    growthVsLinear(base, r));
        }
        stdout.printf(
                "(growth vs linear: the wall-time ratio to the %.4g run over the size ratio; 1 = linear, below 1 ="
                        + " better than linear)%n",
                base.plan().fraction());
        stdout.flush();
    }

    /** The wall-time ratio of {@code run} to {@code base} over their size ratio: 1 is linear growth. */
    static double growthVsLinear(RunFigures base, RunFigures run) {
        double timeRatio = run.wallMs() / (double) base.wallMs();
        double sizeRatio = run.plan().instructions() / (double) base.plan().instructions();
        return timeRatio / sizeRatio;
    }

    private static Map<String, Object> toJson(List<RunFigures> runs) {
        List<Object> list = new ArrayList<>();
        for (RunFigures r : runs) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("fraction", r.plan().fraction());
            run.put("instructions", r.plan().instructions());
            run.put("generated", r.generated());
            run.put("wall_s", r.wallMs() / 1000.0);
            run.put("calls", r.calls());
            run.put("peak_heap_mib", r.peakHeap() / 1048576.0);
            run.put("growth_vs_linear", growthVsLinear(runs.get(0), r));
            Map<String, Object> io = new LinkedHashMap<>();
            for (IoTimes.Kind kind : IoTimes.Kind.values()) {
                io.put(kind.name().toLowerCase(java.util.Locale.ROOT) + "_s", seconds(r.io(kind)));
            }
            run.put("io", io);
            Map<String, Object> stages = new LinkedHashMap<>();
            for (StageFigures s : r.stages()) {
                stages.put(
                        s.stage(), Map.of("wall_s", s.wallMs() / 1000.0, "calls", s.calls(), "records", s.records()));
            }
            run.put("stages", stages);
            list.add(run);
        }
        return Map.of("runs", list);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
