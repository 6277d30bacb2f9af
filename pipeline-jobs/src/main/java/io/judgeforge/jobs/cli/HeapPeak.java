package io.judgeforge.jobs.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The driver JVM's heap while a piece of work runs, sampled every {@code periodMs} by a daemon thread: the peak
 * heap in use (live objects and garbage not yet collected), the peak of what the last collection left (the heap
 * pools' collection usage, a bound on the live data), and the collectors' count and time over the same span. In
 * local mode the executors run in this JVM, so it is their memory too.
 */
final class HeapPeak implements AutoCloseable {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final long gcCountAtStart = gcCount();
    private final long gcMsAtStart = gcMs();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long used;
    private volatile long afterGc;

    /** What was measured: both peaks in bytes, and the heap's limit (-Xmx). */
    record Peak(long usedBytes, long afterGcBytes, long maxBytes) {}

    HeapPeak(long periodMs) {
        sampler = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(periodMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-peak");
        sampler.setDaemon(true);
        sample();
        sampler.start();
    }

    private void sample() {
        long u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long g = 0;
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getCollectionUsage() != null) {
                g += pool.getCollectionUsage().getUsed();
            }
        }
        used = Math.max(used, u);
        afterGc = Math.max(afterGc, g);
    }

    Peak peak() {
        sample();
        return new Peak(used, afterGc, Runtime.getRuntime().maxMemory());
    }

    long peakBytes() {
        return peak().usedBytes();
    }

    long gcCollections() {
        return gcCount() - gcCountAtStart;
    }

    long gcMillis() {
        return gcMs() - gcMsAtStart;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
