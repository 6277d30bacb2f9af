package io.judgeforge.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedParallelMapTest {

    @Test
    void resultsComeInInputOrderWithAtMostParallelismRunning() {
        var running = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> out = new java.util.ArrayList<>();
        try (var map = new BoundedParallelMap<Integer, Integer>(
                List.of(5, 1, 4, 2, 3, 0).iterator(), 3, 1_000, i -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    sleep(i * 5L);
                    running.decrementAndGet();
                    return i * 10;
                })) {
            map.forEachRemaining(out::add);
        }
        assertEquals(List.of(50, 10, 40, 20, 30, 0), out);
        assertTrue(most.get() <= 3, "at most 3 in flight, saw " + most.get());
    }

    @Test
    void whenAnItemFailsTheCallsAlreadyRunningFinishInsteadOfBeingInterrupted() throws Exception {
        Set<Integer> finished = ConcurrentHashMap.newKeySet();
        Set<Integer> interrupted = ConcurrentHashMap.newKeySet();
        CountDownLatch othersStarted = new CountDownLatch(2);
        var map = new BoundedParallelMap<Integer, Integer>(List.of(0, 1, 2).iterator(), 3, 5_000, i -> {
            if (i == 0) {
                await(othersStarted);
                throw new IllegalStateException("item 0 is bad");
            }
            othersStarted.countDown();
            try {
                Thread.sleep(300);
                finished.add(i);
            } catch (InterruptedException e) {
                interrupted.add(i);
            }
            return i;
        });
        assertThrows(IllegalStateException.class, map::next);
        // next() closed the map, which waited for the paid calls: both are done by now.
        assertEquals(Set.of(1, 2), finished);
        assertEquals(Set.of(), interrupted);
    }

    @Test
    void aCallStillRunningAfterTheDrainTimeIsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        var map = new BoundedParallelMap<Integer, Integer>(List.of(1).iterator(), 1, 50, i -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return i;
        });
        await(started);
        map.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the call that outlived the drain was interrupted");
    }

    @Test
    void aKilledTaskThreadStillWaitsForThePaidCallsAndKeepsItsInterrupt() throws Exception {
        Set<Integer> finished = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(1);
        var map = new BoundedParallelMap<Integer, Integer>(List.of(1).iterator(), 1, 5_000, i -> {
            started.countDown();
            sleep(200);
            finished.add(i);
            return i;
        });
        await(started);
        Thread.currentThread().interrupt();
        map.close();
        assertTrue(Thread.interrupted(), "the caller's interrupt is kept for Spark to see");
        assertEquals(Set.of(1), finished);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
