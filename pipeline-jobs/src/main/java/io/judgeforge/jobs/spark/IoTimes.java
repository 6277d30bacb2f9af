package io.judgeforge.jobs.spark;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time the run spends in its storage paths, summed over threads, for {@code bench scale}: two
 * {@code nanoTime} reads and a {@link LongAdder} add per operation, so it is always on. JVM-wide
 * statics: in local mode the driver and the executors share the JVM and a bench reads the whole run;
 * on a cluster each executor counts its own and nothing reads them.
 */
public final class IoTimes {
    /** What is timed. */
    public enum Kind {
        /** Teacher items, from the item's start to its outcome (calls and store included). */
        TEACHER_ITEMS,
        /** Response-store operations: lookups, claims, writes, releases. */
        STORE,
        /** The item-log writer taking the rows a teacher step hands it (encoding and Parquet). */
        ITEM_LOG,
        /** The driver writing each stage's records, filtered and quarantined sets and counting them. */
        STAGE_WRITES
    }

    private static final Map<Kind, LongAdder> NANOS = new EnumMap<>(Kind.class);

    static {
        for (Kind kind : Kind.values()) {
            NANOS.put(kind, new LongAdder());
        }
    }

    private IoTimes() {}

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()} reading) to {@code kind}. */
    public static void since(Kind kind, long startNanos) {
        NANOS.get(kind).add(System.nanoTime() - startNanos);
    }

    /** Nanoseconds counted for each kind since the JVM started. */
    public static Map<Kind, Long> snapshot() {
        Map<Kind, Long> copy = new EnumMap<>(Kind.class);
        NANOS.forEach((kind, adder) -> copy.put(kind, adder.sum()));
        return copy;
    }

    /**
     * The rows as they are, counting as ITEM_LOG the time the consumer spends between taking a row and
     * asking for the next: the writer's share of the task, apart from waiting on calls.
     */
    static <T> Iterator<T> timedConsumer(Iterator<T> rows) {
        return new Iterator<>() {
            private long handedOver = -1;

            @Override
            public boolean hasNext() {
                if (handedOver >= 0) {
                    since(Kind.ITEM_LOG, handedOver);
                    handedOver = -1;
                }
                return rows.hasNext();
            }

            @Override
            public T next() {
                T row = rows.next();
                handedOver = System.nanoTime();
                return row;
            }
        };
    }
}
