package io.judgeforge.jobs.cli;

import io.judgeforge.eval.BootstrapSettings;
import io.judgeforge.eval.EvalMode;
import io.judgeforge.eval.MetaEvalOptions;
import io.judgeforge.eval.MetaEvalResult;
import io.judgeforge.eval.MetaEvaluation;
import io.judgeforge.eval.Scale;
import io.judgeforge.eval.TableReader;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How long a meta-evaluation takes as the benchmark grows: a synthetic pointwise benchmark (1-5 scores over ten
 * scenarios, a judge within a point of the human most of the time, 2% of predictions missing) is written once, then
 * evaluated without and with the bootstrap. The bootstrap recomputes every figure per resample and group, so it is
 * the cost that grows; the figures themselves are meaningless here.
 */
@Command(
        name = "meta-eval",
        mixinStandardHelpOptions = true,
        description = "Measure the meta-evaluation's speed on a synthetic benchmark, with and without the bootstrap.")
final class MetaEvalBench implements Callable<Integer> {
    @Option(
            names = "--items",
            paramLabel = "N",
            defaultValue = "20000",
            description = "Benchmark items (default ${DEFAULT-VALUE}).")
    int items;

    @Option(
            names = "--bootstrap",
            paramLabel = "N",
            defaultValue = "1000",
            description = "Resamples (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "3",
            description = "Timed runs of each case; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "judgeforge-bench",
            description = "Where the synthetic files go (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--json", description = "Also print one JSON object with the figures on the last line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (items < 2 || bootstrap < 1 || repeat < 1) {
            throw new io.judgeforge.config.ConfigException(
                    "Invalid bench meta-eval options: --items >= 2, --bootstrap and --repeat >= 1");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Path dir = Files.createDirectories(Path.of(out, "meta-eval-inputs"));
        Path bench = dir.resolve("bench.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        writeInputs(bench, pred);
        MetaEvalOptions options = MetaEvalOptions.of(EvalMode.POINTWISE, "themis", new Scale(1, 5));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("items", items);
        figures.put("resamples", bootstrap);
        double plain = medianSeconds(bench, pred, options.withBootstrap(BootstrapSettings.OFF));
        double withBootstrap =
                medianSeconds(bench, pred, options.withBootstrap(new BootstrapSettings(bootstrap, 0.95, 1)));
        figures.put("seconds_without_bootstrap", plain);
        figures.put("seconds_with_bootstrap", withBootstrap);
        stdout.printf(
                "meta-eval on %d items, 10 scenarios (median of %d runs): %.2f s without the bootstrap, %.2f s with %d"
                        + " resamples%n",
                items, repeat, plain, withBootstrap, bootstrap);
        if (json) {
            stdout.println(Json.write(figures));
        }
        stdout.flush();
        return 0;
    }

    private double medianSeconds(Path bench, Path pred, MetaEvalOptions options) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            MetaEvalResult result = MetaEvaluation.run(bench.toString(), pred.toString(), options, TableReader.LOCAL);
            seconds.add((System.nanoTime() - start) / 1e9);
            if (result.overall().metrics().n() != items) {
                throw new IllegalStateException(
                        "evaluated " + result.overall().metrics().n() + " items, wrote " + items);
            }
        }
        seconds.sort(Double::compare);
        return seconds.get(seconds.size() / 2);
    }

    private void writeInputs(Path bench, Path pred) throws IOException {
        SplittableRandom rng = new SplittableRandom(42);
        StringBuilder b = new StringBuilder();
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < items; i++) {
            int human = 1 + rng.nextInt(5);
            b.append(Json.write(Map.of("id", i, "scenario", "scenario-" + (i % 10), "human", human)))
                    .append('\n');
            if (rng.nextInt(50) == 0) {
                continue;
            }
            int judged = Math.max(1, Math.min(5, human + (rng.nextInt(4) == 0 ? rng.nextInt(3) - 1 : 0)));
            p.append(Json.write(Map.of("id", i, "pred", judged))).append('\n');
        }
        Files.writeString(bench, b);
        Files.writeString(pred, p);
    }
}
