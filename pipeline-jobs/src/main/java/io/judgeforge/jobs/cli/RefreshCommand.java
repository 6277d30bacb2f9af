package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.InputFingerprints;
import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.spark.RefreshLock;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.stage.Pipeline;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.jobs.stage.PublishedVersions;
import io.judgeforge.jobs.stage.RefreshDelta;
import io.judgeforge.jobs.stage.RunResume;
import io.judgeforge.refresh.InputChanges;
import io.judgeforge.refresh.InputKind;
import io.judgeforge.refresh.RefreshLease;
import io.judgeforge.refresh.RefreshPlan;
import io.judgeforge.stage.StageReport;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code refresh}: the nightly run. Under the refresh lock it compares today's inputs with those of the
 * version LATEST names; with nothing new it says so in one line and exits 0 without starting a run.
 * Otherwise it runs every stage on the new work only and publishes a version holding the parent's
 * records (less those whose inputs are gone) and the new ones, then prunes old versions.
 */
@Command(
        name = "refresh",
        mixinStandardHelpOptions = true,
        description = "Publish a new version with only what is new since LATEST: new or changed references and"
                + " imported instructions go through every stage; the rest is carried from LATEST. Nothing new:"
                + " no run, exit 0. Another refresh running: exit 3 (or wait, refresh.on-locked).")
final class RefreshCommand implements Callable<Integer> {
    /** The exit code when another refresh holds the lock and refresh.on-locked is exit. */
    static final int LOCKED = 3;

    @Mixin
    ConfigOptions options;

    @Mixin
    OutOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        try (Launch launch = Launch.load(options.conf, options.overrides);
                ConsoleProgress progress = ConsoleProgress.of(stdout, launch.config.progress())) {
            PipelineConfig config = launch.config;
            if (!config.run().id().isEmpty()) {
                throw new ConfigException("Invalid value for 'run.id': '"
                        + config.run().id() + "' (a refresh starts a new run each time; leave run.id empty)");
            }
            // An input emptied upstream would read as every passage removed: a night that a scenario needs it for
            // stops here (exit 2) instead of publishing a version without the old records.
            launch.checkInputs(true).forEach(stdout::println);
            HadoopFiles files = HadoopFiles.beforeSession();
            RunLayout layout = new RunLayout(Launch.localToUri(output.out), "-");
            RefreshLock lock = lock(config.refresh(), files, layout, progress);
            if (lock == null) {
                return LOCKED;
            }
            try (lock) {
                RefreshDelta.Parent parent = PublishedVersions.latest(files, layout);
                String unfinished = PublishedVersions.unfinishedRefresh(files, layout, parent);
                Map<String, String> inputFiles =
                        InputFingerprints.ofRunInputs(files, launch.configDir, config.inputs());
                if (parent != null
                        && unfinished == null
                        && inputFiles.equals(PublishedVersions.inputFiles(files, layout, parent.version()))) {
                    progress.say("refresh: nothing new since version " + parent.version()
                            + " (its input files are unchanged); no new version");
                    return 0;
                }
                if (launch.simulator() != null) {
                    progress.say("simulator: serving on " + launch.simulator().baseUrl());
                }
                ProgressListener listener = progress.listener();
                PipelineContext first = launch.context(
                        output.out, unfinished != null ? unfinished : launch.newRunId(), true, progress, listener);
                progress.follow(first.spark().sparkContext(), listener);
                RefreshPlan plan = unfinished != null
                        ? RefreshDelta.planOf(first).orElseThrow()
                        : RefreshDelta.plan(first, parent, inputFiles);
                if (unfinished != null) {
                    progress.say("[refresh] resuming run " + unfinished + ", which a refresh planned on "
                            + (parent == null ? "nothing published" : "version " + parent.version())
                            + " and did not publish: its committed stages are skipped, its calls and batches"
                            + " come from the response store and its run folder");
                } else if (parent != null && !plan.hasWork()) {
                    files.delete(first.layout().run());
                    progress.say("refresh: nothing new since version " + parent.version() + " (" + describe(plan)
                            + "); no new version");
                    return 0;
                }
                progress.say("[refresh] run " + first.layout().runId() + " since "
                        + (parent == null ? "nothing (the first version)" : "version " + parent.version()) + ": "
                        + describe(plan));
                Launch delta = launch.withOverrides(RefreshDelta.overrides(
                        first.layout(), plan, !config.inputs().instructions().isBlank()));
                PipelineContext ctx = delta.context(output.out, first.layout().runId(), true, progress, null);
                List<Pipeline.Stage> toRun = RunResume.remaining(ctx, Pipeline.STAGES);
                List<StageReport> reports = new ArrayList<>(RunResume.skippedReports(ctx, Pipeline.STAGES, toRun));
                Pipeline.Result result = Pipeline.run(ctx, toRun, listener::label);
                reports.addAll(result.reports());
                List<String> pruned =
                        PublishedVersions.prune(files, layout, config.refresh().keepVersions());
                if (!pruned.isEmpty()) {
                    progress.say("[refresh] pruned " + pruned.size() + " old version(s) (refresh.keep-versions "
                            + config.refresh().keepVersions() + "): " + String.join(", ", pruned));
                }
                progress.say(RunSummary.render(
                        reports,
                        (System.nanoTime() - start) / 1_000_000,
                        result.dataset(),
                        launch.simulator() == null
                                ? null
                                : SimulatorStats.fetch(launch.simulator().baseUrl())));
                return 0;
            }
        }
    }

    /** The lock, or null when another refresh holds it and refresh.on-locked is exit. */
    private static RefreshLock lock(
            PipelineConfig.Refresh settings, HadoopFiles files, RunLayout layout, PipelineContext.Progress progress)
            throws InterruptedException {
        RefreshLease lease = new RefreshLease(settings.lockLeaseMs());
        String owner = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        boolean waiting = false;
        while (true) {
            RefreshLock.Attempt attempt = RefreshLock.tryAcquire(files, layout.refreshLock(), owner, lease);
            if (attempt.tookOverFrom() != null) {
                progress.say("[refresh] took over the lock of "
                        + attempt.tookOverFrom().owner() + " (started "
                        + attempt.tookOverFrom().startedAt() + "), not renewed for over "
                        + settings.lockLeaseMs() / 1000 + " s: that refresh died");
            }
            if (attempt.lock() != null) {
                return attempt.lock();
            }
            RefreshLock.Holder holder = attempt.heldBy();
            if (settings.onLocked() == PipelineConfig.OnLocked.EXIT) {
                progress.say("refresh: another refresh (" + holder.owner() + ", started " + holder.startedAt()
                        + ") holds " + layout.refreshLock() + "; exiting (refresh.on-locked: exit)");
                return null;
            }
            if (!waiting) {
                progress.say("refresh: waiting for the refresh of " + holder.owner() + " (started " + holder.startedAt()
                        + ") to finish");
                waiting = true;
            }
            Thread.sleep(lease.renewEveryMs());
        }
    }

    private static String describe(RefreshPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (InputKind kind : InputKind.values()) {
            InputChanges c = plan.changes(kind);
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append(kind.code())
                    .append("s: ")
                    .append(c.added())
                    .append(" new, ")
                    .append(c.changed())
                    .append(" changed, ")
                    .append(c.removed())
                    .append(" removed");
        }
        return sb.toString();
    }
}
