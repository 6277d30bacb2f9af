package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.eval.EvalMode;
import io.judgeforge.eval.JudgePredictions;
import io.judgeforge.eval.JudgeSummary;
import io.judgeforge.eval.JudgeTarget;
import io.judgeforge.eval.Scale;
import io.judgeforge.eval.TableReader;
import io.judgeforge.teacher.store.ResponseStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of {@code meta-eval} that produce the predictions by calling a judge, instead of reading them with
 * {@code --pred}; and the step itself. An argument group: any of them without {@code --judge-endpoint} is a usage
 * error.
 */
final class JudgeEndpointOptions {
    @Option(
            names = "--judge-endpoint",
            required = true,
            paramLabel = "URL",
            description =
                    "Call the judge at this OpenAI-compatible base URL (e.g. http://localhost:8000/v1) with the Themis"
                            + " judge prompts, write its answers to <out>/" + JudgePredictions.FILE
                            + " and evaluate those. Instead of --pred.")
    String url;

    @Option(
            names = "--judge-model",
            paramLabel = "NAME",
            description = "Model to ask (default: the config's teacher.model).")
    String model;

    @Option(
            names = "--judge-api-key-env",
            paramLabel = "NAME",
            description =
                    "Environment variable holding the judge's API key (default: none is sent; the teacher's key is"
                            + " never reused, since the judge may be another host).")
    String apiKeyEnv;

    @Option(
            names = "--judge-scenario",
            paramLabel = "ID",
            description =
                    "Catalog scenario for rows whose 'scenario' is absent or not a catalog id (default: such rows are an error).")
    String scenario;

    @Option(
            names = "--conf",
            paramLabel = "FILE",
            defaultValue = "conf/defaults.yaml",
            description =
                    "Pipeline YAML giving the scenario catalog, judge prompts, judge temperature and max tokens, and the"
                            + " teacher endpoint's timeouts, retries, max-in-flight and api-key-env (default: ${DEFAULT-VALUE}).")
    String conf;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one config key, e.g. --set judge.max-tokens=512 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /**
     * Judges every benchmark row and writes the predictions into {@code out}; returns their path. Progress goes to
     * {@code err}, a one-line summary to {@code out}.
     */
    Path writePredictions(
            String bench,
            TableReader.Source tables,
            EvalMode mode,
            Scale scale,
            String ratingFormat,
            Path outDir,
            PrintWriter stdout,
            PrintWriter stderr) {
        JudgeConfig loaded = JudgeConfig.load(conf, overrides, model);
        // The judge answers in the Themis format on the config's scale: anything else would fail after paying for
        // calls.
        ConfigException.check(
                ratingFormat.equals("themis"),
                "--rating-format",
                ratingFormat,
                "themis with --judge-endpoint, which asks for answers in the Themis format");
        int min = loaded.config().judge().minScore();
        int max = loaded.config().judge().maxScore();
        if (mode == EvalMode.POINTWISE && (scale.min() != min || scale.max() != max)) {
            throw new ConfigException("The judge prompts score " + min + "-" + max
                    + " (judge.min-score/max-score), but the" + " benchmark's scale is " + scale + ": set --min-score "
                    + min + " --max-score " + max + ", or the config's scale");
        }
        JudgeTarget target = JudgeTarget.of(loaded.config(), url, model, apiKeyEnv);
        // No response store: a run's store lives beside its output and meta-eval has no run, so each invocation asks
        // the judge afresh (identical requests in flight at once still share one call).
        JudgePredictions predictions = new JudgePredictions(
                loaded.catalog(), loaded.prompts(), target, target.client(ResponseStore.NONE), line -> {
                    stderr.println(line);
                    stderr.flush();
                });
        JudgeSummary summary = predictions.write(bench, tables, mode, scenario, outDir);
        stdout.println("judged " + summary.items() + " items with " + summary.calls() + " calls ("
                + summary.failedCalls() + " failed): wrote " + summary.file());
        stdout.flush();
        return summary.file();
    }
}
