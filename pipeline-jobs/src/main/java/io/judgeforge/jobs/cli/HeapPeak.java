package io.judgeforge.jobs.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap use seen while it is open, sampled by a daemon thread every {@code periodMs}, with
 * the garbage collectors' count and time over the same span. In Spark's local mode the driver and the
 * executors are this one JVM, so this is the peak of both.
 */
final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private final long gcCountAtStart = gcCount();
    private final long gcMsAtStart = gcMs();
    private volatile long peakBytes;
    private volatile boolean open = true;

    HeapPeak(long periodMs) {
        peakBytes = memory.getHeapMemoryUsage().getUsed();
        sampler = new Thread(
                () -> {
                    while (open) {
                        peakBytes =
                                Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
                        try {
                            Thread.sleep(periodMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakBytes() {
        return Math.max(peakBytes, memory.getHeapMemoryUsage().getUsed());
    }

    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
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
        open = false;
        sampler.interrupt();
    }
}
