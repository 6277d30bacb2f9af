package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.jobs.stage.RunResume;
import io.judgeforge.stage.StageReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run} (every stage) and one command per stage of {@link Pipeline#STAGES}, made from that list, all over a
 * run folder under {@code --out}.
 */
final class StageCommands {
    /** Each stage command's help line, by stage name; a stage added to the pipeline needs one here. */
    private static final Map<String, String> HELP = Map.of(
            "generate", "Start a run: write instructions for every scenario's quota (both methods).",
            "classify", "Label each generated instruction with a scenario.",
            "respond", "Answer each instruction with every pool model.",
            "judge", "Grade the answers with the teacher: single, reference-guided, pairwise.",
            "score", "Score each judge record's IFD from log-likelihoods.",
            "select", "Filter by IFD, balance scores and verdicts, compose scenarios.",
            "augment", "Derive custom-prompt judge records (paraphrased, down-sampled, rescaled) from the selection.",
            "export", "Write and publish the fine-tuning sets with their manifest.");

    private StageCommands() {}

    /** Adds {@code run}, then one command per stage in pipeline order. */
    static void addTo(CommandLine cli) {
        cli.addSubcommand(new Run());
        for (Pipeline.Stage stage : Pipeline.STAGES) {
            String help = HELP.get(stage.name());
            if (help == null) {
                throw new IllegalStateException("No help line for the command of stage " + stage.name());
            }
            CommandLine command = new CommandLine(new StageCommand(List.of(stage)));
            command.getCommandSpec().usageMessage().description(help);
            cli.addSubcommand(stage.name(), command);
        }
    }

    /** Runs a contiguous part of the pipeline: one stage, or all of them for {@code run}. */
    @Command(mixinStandardHelpOptions = true)
    static class StageCommand implements Callable<Integer> {
        private final List<Pipeline.Stage> stages;

        @Mixin
        ConfigOptions options;

        @Mixin
        OutOption output;

        @Option(
                names = "--run-id",
                paramLabel = "ID",
                description =
                        "The run folder to use (default: a new run for 'run' and 'generate', else the latest run)."
                                + " 'run' with the id of an existing run resumes it: committed stages are skipped.")
        String runId;

        @Spec
        CommandSpec spec;

        StageCommand(List<Pipeline.Stage> stages) {
            this.stages = stages;
        }

        boolean startsRun() {
            return stages.get(0).name().equals("generate");
        }

        /** The whole pipeline records its config with a new run and resumes a run that exists. */
        boolean resumes() {
            return false;
        }

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            long start = System.nanoTime();
            try (Launch launch = Launch.load(options.conf, options.overrides);
                    ConsoleProgress progress = ConsoleProgress.of(stdout, launch.config.progress())) {
                launch.checkInputs(stages.stream().anyMatch(s -> s.name().equals("generate")))
                        .forEach(progress::say);
                if (launch.simulator() != null) {
                    progress.say("simulator: serving on " + launch.simulator().baseUrl());
                }
                String id = runId != null ? runId : startsRun() ? launch.newRunId() : null;
                ProgressListener listener = progress.listener();
                PipelineContext ctx = launch.context(output.out, id, startsRun(), progress, listener);
                progress.follow(ctx.spark().sparkContext(), listener);
                progress.say(
                        "run " + ctx.layout().runId() + " -> " + ctx.layout().run());
                List<Pipeline.Stage> toRun = stages;
                List<StageReport> reports = new ArrayList<>();
                if (resumes()) {
                    toRun = RunResume.remaining(ctx, stages);
                    reports.addAll(RunResume.skippedReports(ctx, stages, toRun));
                }
                Pipeline.Result result = Pipeline.run(ctx, toRun, listener::label);
                reports.addAll(result.reports());
                String simStats = launch.simulator() == null
                        ? null
                        : SimulatorStats.fetch(launch.simulator().baseUrl());
                progress.say(RunSummary.render(
                        reports, (System.nanoTime() - start) / 1_000_000, result.dataset(), simStats));
                return 0;
            }
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description = "Run the whole pipeline: generate, classify, respond, judge, score, select, export.")
    static final class Run extends StageCommand {
        Run() {
            super(Pipeline.STAGES);
        }

        @Option(
                names = "--dry-run",
                description = "Print the expected calls, tokens and cost of each stage, and stop: no Spark, no call.")
        boolean dryRun;

        @Override
        boolean resumes() {
            return true;
        }

        @Override
        public Integer call() {
            if (!dryRun) {
                return super.call();
            }
            try (Launch launch = Launch.check(options.conf, options.overrides)) {
                launch.checkInputs(true).forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().print(DryRun.render(launch));
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
