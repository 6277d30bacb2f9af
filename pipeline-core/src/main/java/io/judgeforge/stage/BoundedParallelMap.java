package io.judgeforge.stage;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Maps an iterator with at most {@code parallelism} calls in flight, yielding results in input
 * order. Teacher calls spend their time waiting on the network, so a Spark task keeps several in
 * flight instead of one at a time (SynapseML's default); input is pulled only as slots free up,
 * so a large partition is never held in memory.
 *
 * <p>Closing early (an item failed, the task was killed) lets the calls already running finish for
 * up to {@code drainMs} before interrupting them: a call on the wire is paid for whatever happens,
 * and one that finishes reaches the response store, so the task's retry does not pay for it again.
 */
public final class BoundedParallelMap<A, B> implements Iterator<B>, AutoCloseable {
    private final Iterator<A> input;
    private final Function<A, B> fn;
    private final int parallelism;
    private final long drainMs;
    private final ExecutorService pool;
    private final ArrayDeque<Future<B>> inFlight = new ArrayDeque<>();

    public BoundedParallelMap(Iterator<A> input, int parallelism, long drainMs, Function<A, B> fn) {
        this.input = input;
        this.fn = fn;
        this.parallelism = parallelism;
        this.drainMs = drainMs;
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "judgeforge-call");
            t.setDaemon(true);
            return t;
        });
        fill();
    }

    private void fill() {
        while (inFlight.size() < parallelism && input.hasNext()) {
            A item = input.next();
            inFlight.add(pool.submit(() -> fn.apply(item)));
        }
        if (inFlight.isEmpty()) {
            pool.shutdown();
        }
    }

    @Override
    public boolean hasNext() {
        return !inFlight.isEmpty();
    }

    @Override
    public B next() {
        if (inFlight.isEmpty()) {
            throw new NoSuchElementException();
        }
        try {
            B result = inFlight.removeFirst().get();
            fill();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while waiting for a teacher call", e);
        } catch (ExecutionException e) {
            close();
            throw new IllegalStateException("A work item failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        // A killed task's thread arrives here interrupted; the wait for paid calls must not end at once.
        boolean interrupted = Thread.interrupted();
        try {
            if (!pool.awaitTermination(drainMs, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
