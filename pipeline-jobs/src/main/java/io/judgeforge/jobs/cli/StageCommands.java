package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.jobs.stage.RunResume;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run} (every stage) and one command per stage, all over a run folder under {@code --out}. */
final class StageCommands {
  private StageCommands() {}

  abstract static class StageCommand implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "judgeforge-out",
        description = "Output root: runs under DIR/runs, datasets under DIR/datasets (default: ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--run-id", paramLabel = "ID",
        description = "The run folder to use (default: a new run for 'run' and 'generate', else the latest run)."
            + " 'run' with the id of an existing run resumes it: committed stages are skipped.")
    String runId;

    @Spec CommandSpec spec;

    abstract List<Pipeline.Stage> stages();

    boolean startsRun() {
      return stages().get(0).name().equals("generate");
    }

    /** The whole pipeline records its config with a new run and resumes a run that exists. */
    boolean resumes() {
      return false;
    }

    @Override
    public Integer call() {
      PrintWriter stdout = spec.commandLine().getOut();
      PipelineContext.Progress progress = line -> {
        stdout.println(line);
        stdout.flush();
      };
      long start = System.nanoTime();
      try (Launch launch = Launch.load(options.conf, options.overrides)) {
        if (launch.simulator() != null) {
          progress.say("simulator: serving on " + launch.simulator().baseUrl());
        }
        String id = runId != null ? runId : startsRun() ? launch.newRunId() : null;
        ProgressListener listener = new ProgressListener(progress, 2000);
        PipelineContext ctx = launch.context(out, id, startsRun(), progress, listener);
        progress.say("run " + ctx.layout().runId() + " -> " + ctx.layout().run());
        List<Pipeline.Stage> stages = stages();
        List<io.judgeforge.stage.StageReport> reports = new java.util.ArrayList<>();
        if (resumes()) {
          stages = RunResume.remaining(ctx, stages());
          reports.addAll(RunResume.skippedReports(ctx, stages(), stages));
        }
        Pipeline.Result result = Pipeline.run(ctx, stages, listener::label);
        reports.addAll(result.reports());
        String simStats = launch.simulator() == null ? null : SimulatorStats.fetch(launch.simulator().baseUrl());
        stdout.println(RunSummary.render(reports, (System.nanoTime() - start) / 1_000_000, result.dataset(), simStats));
        return 0;
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the whole pipeline: generate, classify, respond, judge, score, select, export.")
  static final class Run extends StageCommand {
    @Option(names = "--dry-run",
        description = "Print the expected calls, tokens and cost of each stage, and stop: no Spark, no call.")
    boolean dryRun;

    List<Pipeline.Stage> stages() {
      return Pipeline.STAGES;
    }

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
        spec.commandLine().getOut().print(DryRun.render(launch));
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = "Start a run: write instructions for every scenario's quota (both methods).")
  static final class Generate extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("generate"));
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true, description = "Label each generated instruction with a scenario.")
  static final class Classify extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("classify"));
    }
  }

  @Command(name = "respond", mixinStandardHelpOptions = true, description = "Answer each instruction with every pool model.")
  static final class Respond extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("respond"));
    }
  }

  @Command(name = "judge", mixinStandardHelpOptions = true, description = "Grade the answers with the teacher: single, reference-guided, pairwise.")
  static final class Judge extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("judge"));
    }
  }

  @Command(name = "score", mixinStandardHelpOptions = true, description = "Score each judge record's IFD from log-likelihoods.")
  static final class Score extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("score"));
    }
  }

  @Command(name = "select", mixinStandardHelpOptions = true, description = "Filter by IFD, balance scores and verdicts, compose scenarios.")
  static final class Select extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("select"));
    }
  }

  @Command(name = "augment", mixinStandardHelpOptions = true,
      description = "Derive custom-prompt judge records (paraphrased, down-sampled, rescaled) from the selection.")
  static final class Augment extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("augment"));
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write and publish the fine-tuning sets with their manifest.")
  static final class Export extends StageCommand {
    List<Pipeline.Stage> stages() {
      return List.of(Pipeline.stage("export"));
    }
  }
}
