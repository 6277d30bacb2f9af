package io.judgeforge.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.progress.ProgressSnapshot;
import io.judgeforge.stage.CallUsage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A teacher step's accumulators under their names, and their figures on the driver while the tasks still run: two
 * tasks at once each do their items, keep one request on the wire, and wait until the driver's listener sees all
 * of it, which only the executors' heartbeats can tell it before the tasks end.
 */
@Tag("spark")
class ProgressListenerSparkTest {
    static final long WAIT_MS = 60_000;
    static final String HEARTBEAT = "spark.executor.heartbeatInterval";

    // Read by the tasks, which run in this JVM in local mode.
    static volatile ProgressListener followed;

    @Test
    void namedAccumulatorsReachTheDriverWhileTheTasksRunAndAtTheirEnd() throws InterruptedException {
        SparkContext sc = quickHeartbeats();
        List<ProgressSnapshot> ends = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener(ends::add);
        Set<String> shown = new TreeSet<>();
        SparkListener stagePage = new SparkListener() {
            @Override
            public void onStageCompleted(SparkListenerStageCompleted event) {
                // What the Spark UI's stage page lists as the stage's accumulators.
                var infos = event.stageInfo().accumulables().values().iterator();
                while (infos.hasNext()) {
                    AccumulableInfo info = infos.next();
                    if (info.name().isDefined() && info.name().get().startsWith("judgeforge ")) {
                        synchronized (shown) {
                            shown.add(info.name().get());
                        }
                    }
                }
            }
        };
        sc.addSparkListener(listener);
        sc.addSparkListener(stagePage);
        followed = listener;
        try {
            TeacherMeters meters = TeacherMeters.register(sc, "test");
            meters.tagging(
                    sc,
                    "test calls",
                    4,
                    () -> JavaSparkContext.fromSparkContext(sc)
                            .parallelize(List.of(1, 2, 3, 4), 2)
                            .foreachPartition(items -> {
                                while (items.hasNext()) {
                                    items.next();
                                    meters.sent();
                                    meters.returned(true);
                                    meters.item(new CallUsage(1, 0, 10, 5, 0.25, 3, 0, 0));
                                }
                                meters.sent();
                                awaitOnTheDriver(4, 2);
                                meters.returned(false);
                            }));
            // Listeners hear of the job's end on their own thread, after the job has returned.
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (ends.isEmpty() || shownCount(shown) < 6) {
                assertTrue(System.currentTimeMillis() < deadline, "no end heard: " + ends + " " + shown);
                Thread.sleep(50);
            }
        } finally {
            sc.removeSparkListener(listener);
            sc.removeSparkListener(stagePage);
            followed = null;
        }
        assertEquals(1, ends.size(), "one last line for the step: " + ends);
        ProgressSnapshot last = ends.get(0);
        assertEquals("test calls", last.label());
        assertEquals(4, last.done());
        assertEquals(4, last.total());
        assertEquals(new ProgressSnapshot.Calls(6, 60, 4, 0, 1.0), last.calls());
        synchronized (shown) {
            assertEquals(
                    new TreeSet<>(List.of(
                            "judgeforge test 429s",
                            "judgeforge test in flight",
                            "judgeforge test items",
                            "judgeforge test requests",
                            "judgeforge test tokens",
                            "judgeforge test usd")),
                    shown);
        }
    }

    /**
     * A local[2] context whose executors send heartbeats every second. A session an earlier test made with Spark's
     * default (10 s, the first one after 10 to 20 s) would make this test wait that long: it is stopped and made
     * again, as ExactlyOnceSparkTest does for its own settings.
     */
    static SparkContext quickHeartbeats() {
        SparkSession spark = localSession();
        if (spark.sparkContext().getConf().getTimeAsMs(HEARTBEAT, "10s") > 1_000) {
            spark.stop();
            spark = localSession();
        }
        return spark.sparkContext();
    }

    static SparkSession localSession() {
        return SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config(HEARTBEAT, "1s")
                .getOrCreate();
    }

    static int shownCount(Set<String> shown) {
        synchronized (shown) {
            return shown.size();
        }
    }

    /** In a task: waits until the driver's listener shows {@code items} done and {@code inFlight} on the wire. */
    static void awaitOnTheDriver(long items, long inFlight) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        ProgressSnapshot seen = followed.snapshot();
        while (seen == null || seen.done() < items || seen.calls().inFlight() < inFlight) {
            assertTrue(
                    System.currentTimeMillis() < deadline, "no heartbeat brought the running tasks' figures: " + seen);
            Thread.sleep(50);
            seen = followed.snapshot();
        }
    }
}
