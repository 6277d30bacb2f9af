package io.judgeforge.jobs.spark;

import io.judgeforge.progress.ProgressSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Follows the run's Spark jobs on the driver and says at any moment what the running step has done so far
 * ({@link #snapshot()}). A teacher step's figures are its {@link TeacherMeters}: the values its finished tasks left
 * (as the driver merged them) plus, for the tasks still running, the values their executors' last heartbeats
 * carried ({@link SparkListenerExecutorMetricsUpdate}), so the figures move while tasks run, whether the executors
 * are threads of this JVM or other JVMs. Any other Spark stage shows its finished tasks. When a teacher step's
 * jobs are over, its last figures go to {@code onStepEnd}. Display only.
 */
public final class ProgressListener extends SparkListener {
    private final Consumer<ProgressSnapshot> onStepEnd;
    private final Map<String, Followed> steps = new HashMap<>();
    private final Map<Integer, Followed> byJob = new HashMap<>();
    private final Map<Integer, Followed> byStage = new HashMap<>();
    private final Map<Integer, SparkStage> sparkStages = new LinkedHashMap<>();
    private Followed current;
    private volatile String label = "judgeforge";

    public ProgressListener(Consumer<ProgressSnapshot> onStepEnd) {
        this.onStepEnd = onStepEnd;
    }

    /** The pipeline stage that is running, the label of the lines of Spark stages outside a teacher step. */
    public void label(String label) {
        this.label = label;
    }

    /** The running teacher step's figures; else the oldest running Spark stage of several tasks; else null. */
    public synchronized ProgressSnapshot snapshot() {
        long now = System.currentTimeMillis();
        if (current != null) {
            return current.snapshot(now);
        }
        SparkStage oldest = null;
        for (SparkStage stage : sparkStages.values()) {
            if (stage.total > 1 && (oldest == null || stage.startMs < oldest.startMs)) {
                oldest = stage;
            }
        }
        return oldest == null
                ? null
                : new ProgressSnapshot(label, "tasks", oldest.done, oldest.total, now - oldest.startMs, null);
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart event) {
        Properties properties = event.properties();
        String tag = properties == null ? null : properties.getProperty(TeacherMeters.PROPERTY);
        if (tag == null) {
            return;
        }
        Followed step = steps.computeIfAbsent(tag, t -> new Followed(t, System.currentTimeMillis()));
        step.jobs++;
        byJob.put(event.jobId(), step);
        var stageIds = event.stageIds().iterator();
        while (stageIds.hasNext()) {
            byStage.put((Integer) stageIds.next(), step);
        }
        current = step;
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        ProgressSnapshot last = null;
        synchronized (this) {
            Followed step = byJob.remove(event.jobId());
            if (step == null || --step.jobs > 0) {
                return;
            }
            boolean succeeded = event.jobResult() == JobSucceeded$.MODULE$;
            // With adaptive execution the shuffle before the calls is a job of its own: the step goes on after it.
            if (succeeded && step.figure(TeacherMeters.ITEMS) == 0 && step.step.total() > 0) {
                return;
            }
            steps.remove(step.tag);
            byStage.values().removeIf(s -> s == step);
            if (current == step) {
                current = null;
            }
            if (succeeded) {
                last = step.snapshot(System.currentTimeMillis());
            }
        }
        if (last != null) {
            onStepEnd.accept(last);
        }
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
        sparkStages.put(
                event.stageInfo().stageId(), new SparkStage(event.stageInfo().numTasks(), System.currentTimeMillis()));
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
        sparkStages.remove(event.stageInfo().stageId());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
        SparkStage stage = sparkStages.get(event.stageId());
        if (stage != null && event.taskInfo().successful()) {
            stage.done++;
        }
        Followed step = byStage.get(event.stageId());
        if (step == null) {
            return;
        }
        long task = event.taskInfo().taskId();
        step.running.remove(task);
        step.ended.add(task);
        // What the driver merged into the accumulators at the task's end: a failed task's values are not merged.
        var infos = event.taskInfo().accumulables().iterator();
        while (infos.hasNext()) {
            AccumulableInfo info = infos.next();
            int figure = step.step.ids().indexOf(info.id());
            if (figure >= 0 && info.update().isDefined()) {
                step.finished[figure] += number(info.update().get());
            }
        }
    }

    /** Executors' heartbeats: the values of the accumulators of their running tasks, so far. */
    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate event) {
        var updates = event.accumUpdates().iterator();
        while (updates.hasNext()) {
            var update = updates.next();
            Followed step = byStage.get((Integer) update._2());
            long task = (Long) update._1();
            // A heartbeat sent before its task ended may arrive after the end: the end's values are the last word.
            if (step == null || step.ended.contains(task)) {
                continue;
            }
            double[] values = step.running.computeIfAbsent(task, t -> new double[TeacherMeters.FIGURES.size()]);
            var infos = update._4().iterator();
            while (infos.hasNext()) {
                AccumulableInfo info = infos.next();
                int figure = step.step.ids().indexOf(info.id());
                if (figure >= 0 && info.update().isDefined()) {
                    values[figure] = number(info.update().get());
                }
            }
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }

    /** A teacher step followed through its tagged jobs. */
    private static final class Followed {
        final String tag;
        final TeacherMeters.Step step;
        final long startMs;
        final double[] finished = new double[TeacherMeters.FIGURES.size()];
        final Map<Long, double[]> running = new HashMap<>();
        final Set<Long> ended = new HashSet<>();
        int jobs;

        Followed(String tag, long startMs) {
            this.tag = tag;
            this.step = TeacherMeters.step(tag);
            this.startMs = startMs;
        }

        double figure(int figure) {
            double sum = finished[figure];
            for (double[] values : running.values()) {
                sum += values[figure];
            }
            return sum;
        }

        ProgressSnapshot snapshot(long now) {
            List<Long> figures = new ArrayList<>();
            for (int f = 0; f < TeacherMeters.USD; f++) {
                figures.add(Math.round(figure(f)));
            }
            return new ProgressSnapshot(
                    step.label(),
                    "items",
                    figures.get(TeacherMeters.ITEMS),
                    step.total(),
                    now - startMs,
                    new ProgressSnapshot.Calls(
                            figures.get(TeacherMeters.REQUESTS),
                            figures.get(TeacherMeters.TOKENS),
                            figures.get(TeacherMeters.RATE_LIMITED),
                            figures.get(TeacherMeters.IN_FLIGHT),
                            figure(TeacherMeters.USD)));
        }
    }

    /** A Spark stage outside a teacher step: its tasks done of all. */
    private static final class SparkStage {
        final int total;
        final long startMs;
        int done;

        SparkStage(int total, long startMs) {
            this.total = total;
            this.startMs = startMs;
        }
    }
}
