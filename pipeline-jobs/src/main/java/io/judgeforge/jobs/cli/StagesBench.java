package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.stage.AugmentJob;
import io.judgeforge.jobs.stage.ExportJob;
import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.jobs.stage.SelectJob;
import io.judgeforge.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SaveMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Stages select, augment and export (the jobs {@code run} runs, unchanged) over N synthetic scored judge
 * records ({@link SyntheticRecords}), against a plain Spark copy of the same input Parquet to JSON lines, the
 * export's format, in the same session. None of the three stages calls the teacher (augment derives its records
 * without a call), so no simulator is started. For each N: the wall time of each, their ratio, records per
 * second and the driver's peak heap ({@link HeapPeak}; in local mode the executors share the driver's JVM).
 */
@Command(
        name = "stages",
        mixinStandardHelpOptions = true,
        description = "Measure select + augment + export over N synthetic scored judge records against a plain"
                + " Spark read and write of the same data.")
final class StagesBench implements Callable<Integer> {
    static final List<Pipeline.Stage> MEASURED =
            List.of(Pipeline.stage(SelectJob.STAGE), Pipeline.stage(AugmentJob.STAGE), Pipeline.stage(ExportJob.STAGE));

    @Option(
            names = "--conf",
            paramLabel = "FILE",
            defaultValue = "conf/local.yaml",
            description = "The run's config: catalog, templates, pool, select, augment and export keys"
                    + " (default ${DEFAULT-VALUE}).")
    String conf;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--records",
            paramLabel = "N[,N...]",
            split = ",",
            defaultValue = "100000,1000000",
            description = "Judge records, one measurement each (default ${DEFAULT-VALUE}).")
    List<Long> records;

    @Option(
            names = "--warm-up",
            paramLabel = "N",
            defaultValue = "2000",
            description = "Records of an unreported first round of both, so neither pays the JVM's warm-up"
                    + " (default ${DEFAULT-VALUE}; 0 = none).")
    long warmUp;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "judgeforge-bench",
            description = "Output root; each N works under DIR/stages-N (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--keep", description = "Keep each N's folders (by default deleted once measured).")
    boolean keep;

    @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private String session = "";

    /** One N's figures. */
    record Result(
            long records,
            double generateS,
            double plainS,
            double stagesS,
            Map<String, Double> stageS,
            long exported,
            HeapPeak.Peak plainHeap,
            HeapPeak.Peak stagesHeap) {
        double ratio() {
            return stagesS / plainS;
        }
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (records.stream().anyMatch(n -> n < 1) || warmUp < 0) {
            throw new ConfigException("Invalid value for '--records' or '--warm-up': " + records + ", " + warmUp
                    + " (expected integers >= 1, and >= 0)");
        }
        List<Result> results = new ArrayList<>();
        // Launch.check: the three stages make no call, so the simulator is not started.
        try (Launch launch = Launch.check(conf, overrides)) {
            if (warmUp > 0) {
                measure(launch, warmUp, line -> {});
                stdout.printf("warm-up with %d records done%n", warmUp);
            }
            for (long n : records) {
                Result r = measure(launch, n, stdout::println);
                results.add(r);
                // Each N's row as soon as it is measured: a later N that fails does not lose it.
                stdout.printf(
                        "%d records: generated in %.1f s; plain copy %.1f s, stages %.1f s, ratio %.2f%n%s",
                        n, r.generateS(), r.plainS(), r.stagesS(), r.ratio(), table(List.of(r)));
                stdout.flush();
            }
        }
        stdout.printf("%n%s%n", session);
        stdout.print(table(results));
        if (json) {
            stdout.println(Json.write(figures(results)));
        }
        stdout.flush();
        return 0;
    }

    private Result measure(Launch launch, long n, PipelineContext.Progress progress) {
        String root = Launch.localToUri(out) + "/stages-" + n;
        PipelineContext ctx = launch.context(root, "bench-" + n, true, progress, null);
        session = String.format(
                "Spark %s, master %s, spark.sql.shuffle.partitions %s, driver heap max %d MiB (local mode: the"
                        + " executors are the driver's JVM)",
                ctx.spark().version(),
                ctx.spark().sparkContext().master(),
                ctx.spark().conf().get("spark.sql.shuffle.partitions"),
                Runtime.getRuntime().maxMemory() >> 20);
        ctx.files().delete(root);
        SyntheticRecords gen = new SyntheticRecords(launch.config, launch.catalog, launch.prompts, n);
        long start = System.nanoTime();
        SyntheticRun.write(ctx, gen);
        double generated = seconds(start);

        System.gc();
        double plain;
        HeapPeak.Peak plainHeap;
        try (HeapPeak heap = new HeapPeak(20)) {
            start = System.nanoTime();
            for (String input : SyntheticRun.inputs(ctx)) {
                ctx.spark()
                        .read()
                        .parquet(input)
                        .write()
                        .mode(SaveMode.Overwrite)
                        .json(root + "/plain-copy/"
                                + input.substring(ctx.layout().run().length() + 1));
            }
            plain = seconds(start);
            plainHeap = heap.peak();
        }

        System.gc();
        double stages;
        HeapPeak.Peak stagesHeap;
        Pipeline.Result result;
        Map<String, Double> perStage = new LinkedHashMap<>();
        try (HeapPeak heap = new HeapPeak(20)) {
            // Each stage's time from its start to the next one's: a stage report's wall time ends when its
            // records are written, before export writes its shards and manifest.
            Map<String, Long> starts = new LinkedHashMap<>();
            start = System.nanoTime();
            result = Pipeline.run(ctx, MEASURED, stage -> starts.put(stage, System.nanoTime()));
            long end = System.nanoTime();
            stages = seconds(start);
            stagesHeap = heap.peak();
            List<Long> marks = new ArrayList<>(starts.values());
            marks.add(end);
            int k = 0;
            for (String stage : starts.keySet()) {
                perStage.put(stage, (marks.get(k + 1) - marks.get(k)) / 1e9);
                k++;
            }
        }
        long exported = result.reports().get(result.reports().size() - 1).records();
        if (!keep) {
            ctx.files().delete(root);
        }
        return new Result(n, generated, plain, stages, perStage, exported, plainHeap, stagesHeap);
    }

    /** The figures as the Markdown table BENCHMARKS.md keeps. */
    static String table(List<Result> results) {
        StringBuilder t = new StringBuilder(String.format(
                "%n| records | plain copy s | stages s (select / augment / export) | ratio | plain records/s"
                        + " | stages records/s | judge set | peak heap MiB, plain / stages (after GC) |%n"
                        + "|---:|---:|---|---:|---:|---:|---:|---|%n"));
        for (Result r : results) {
            t.append(String.format(
                    "| %,d | %.1f | %.1f (%s) | %.2f | %,.0f | %,.0f | %,d | %d (%d) / %d (%d) |%n",
                    r.records(),
                    r.plainS(),
                    r.stagesS(),
                    String.join(
                            " / ",
                            r.stageS().values().stream()
                                    .map(s -> String.format("%.1f", s))
                                    .toList()),
                    r.ratio(),
                    r.records() / r.plainS(),
                    r.records() / r.stagesS(),
                    r.exported(),
                    r.plainHeap().usedBytes() >> 20,
                    r.plainHeap().afterGcBytes() >> 20,
                    r.stagesHeap().usedBytes() >> 20,
                    r.stagesHeap().afterGcBytes() >> 20));
        }
        return t.toString();
    }

    private static List<Map<String, Object>> figures(List<Result> results) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("records", r.records());
            f.put("plain_s", r.plainS());
            f.put("stages_s", r.stagesS());
            f.put("stage_s", r.stageS());
            f.put("ratio", r.ratio());
            f.put("judge_set_records", r.exported());
            f.put("plain_peak_heap_bytes", r.plainHeap().usedBytes());
            f.put("stages_peak_heap_bytes", r.stagesHeap().usedBytes());
            f.put("plain_peak_heap_after_gc_bytes", r.plainHeap().afterGcBytes());
            f.put("stages_peak_heap_after_gc_bytes", r.stagesHeap().afterGcBytes());
            all.add(f);
        }
        return all;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
