package io.judgeforge.jobs.spark;

import io.judgeforge.jobs.stage.PipelineContext.Progress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Shows progress of the pipeline stage that is running, as finished tasks of its Spark stages,
 * at most one line every {@code intervalMs} per Spark stage and a line when a multi-task Spark
 * stage completes. Runs on the driver; sees only Spark's own task events.
 */
public final class ProgressListener extends SparkListener {
    private final Progress progress;
    private final long intervalMs;
    private final Map<Integer, int[]> tasks = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastPrinted = new ConcurrentHashMap<>();
    private volatile String label = "";

    public ProgressListener(Progress progress, long intervalMs) {
        this.progress = progress;
        this.intervalMs = intervalMs;
    }

    public void label(String label) {
        this.label = label;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        tasks.put(event.stageInfo().stageId(), new int[] {0, event.stageInfo().numTasks()});
        lastPrinted.put(event.stageInfo().stageId(), System.currentTimeMillis());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        int[] counts = tasks.get(event.stageId());
        if (counts == null) {
            return;
        }
        synchronized (counts) {
            counts[0]++;
        }
        long now = System.currentTimeMillis();
        Long last = lastPrinted.get(event.stageId());
        if (counts[1] > 1 && last != null && now - last >= intervalMs && counts[0] < counts[1]) {
            lastPrinted.put(event.stageId(), now);
            progress.say(String.format("  [%s] %d/%d partitions done", label, counts[0], counts[1]));
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        tasks.remove(event.stageInfo().stageId());
        lastPrinted.remove(event.stageInfo().stageId());
    }
}
