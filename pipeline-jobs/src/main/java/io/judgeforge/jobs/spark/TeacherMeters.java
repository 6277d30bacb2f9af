package io.judgeforge.jobs.spark;

import io.judgeforge.json.Json;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.teacher.call.CallEvents;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The live figures of one teacher step as named Spark accumulators ({@code judgeforge <stage> items}, {@code
 * requests}, {@code tokens}, {@code 429s}, {@code in flight}, {@code usd}), listed on the Spark UI's stage page and
 * followed by {@link ProgressListener}. Each task adds to its own copies, from all of its call threads; executors'
 * heartbeats carry a running task's values to the driver, and its end its last ones.
 *
 * <p>Display only: a retried task counts its items again, so the step's counts come from its item log.
 */
public final class TeacherMeters implements CallEvents {
    /** The local property that tags a step's Spark jobs with what {@link ProgressListener} needs to follow them. */
    static final String PROPERTY = "judgeforge.progress";

    /** The figures, in the order of {@link Step#ids()}. */
    static final List<String> FIGURES = List.of("items", "requests", "tokens", "429s", "in flight", "usd");

    static final int ITEMS = 0;
    static final int REQUESTS = 1;
    static final int TOKENS = 2;
    static final int RATE_LIMITED = 3;
    static final int IN_FLIGHT = 4;
    static final int USD = 5;

    /** A step as its jobs' tag gives it: the line's label, its input items, and each figure's accumulator id. */
    record Step(String label, long total, List<Long> ids) {}

    private final LongAccumulator items;
    private final LongAccumulator requests;
    private final LongAccumulator tokens;
    private final LongAccumulator rateLimited;
    private final LongAccumulator inFlight;
    private final DoubleAccumulator usd;

    private TeacherMeters(SparkContext sc, String stage) {
        String prefix = "judgeforge " + stage + " ";
        items = sc.longAccumulator(prefix + FIGURES.get(ITEMS));
        requests = sc.longAccumulator(prefix + FIGURES.get(REQUESTS));
        tokens = sc.longAccumulator(prefix + FIGURES.get(TOKENS));
        rateLimited = sc.longAccumulator(prefix + FIGURES.get(RATE_LIMITED));
        inFlight = sc.longAccumulator(prefix + FIGURES.get(IN_FLIGHT));
        usd = sc.doubleAccumulator(prefix + FIGURES.get(USD));
    }

    /** New accumulators for one run of a step of {@code stage}, registered with the driver. */
    public static TeacherMeters register(SparkContext sc, String stage) {
        return new TeacherMeters(sc, stage);
    }

    /** One item is done, with what its calls used. */
    public synchronized void item(CallUsage usage) {
        items.add(1);
        tokens.add(usage.promptTokens() + usage.completionTokens());
        usd.add(usage.costUsd());
    }

    // Call threads add at once, and an accumulator's add is not atomic.
    @Override
    public synchronized void sent() {
        requests.add(1);
        inFlight.add(1);
    }

    @Override
    public synchronized void returned(boolean limited) {
        inFlight.add(-1);
        if (limited) {
            rateLimited.add(1);
        }
    }

    /** Runs {@code jobs} with the Spark jobs it starts from this thread tagged as this step's. */
    public void tagging(SparkContext sc, String label, long total, Runnable jobs) {
        String before = sc.getLocalProperty(PROPERTY);
        sc.setLocalProperty(PROPERTY, Json.write(new Step(label, total, ids())));
        try {
            jobs.run();
        } finally {
            sc.setLocalProperty(PROPERTY, before);
        }
    }

    /** The step a job's tag names; null for an untagged job. */
    static Step step(String tag) {
        return tag == null ? null : Json.read(tag, Step.class);
    }

    List<Long> ids() {
        return List.of(items.id(), requests.id(), tokens.id(), rateLimited.id(), inFlight.id(), usd.id());
    }
}
