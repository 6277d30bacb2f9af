package io.judgeforge.jobs.spark;

import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.util.Optional;
import java.util.function.Supplier;

/** A response store whose operations count their time as {@link IoTimes.Kind#STORE}. */
final class TimedResponseStore implements ResponseStore {
    private final ResponseStore store;

    TimedResponseStore(ResponseStore store) {
        this.store = store;
    }

    private static <T> T timed(Supplier<T> operation) {
        long start = System.nanoTime();
        try {
            return operation.get();
        } finally {
            IoTimes.since(IoTimes.Kind.STORE, start);
        }
    }

    private static void timed(Runnable operation) {
        timed(() -> {
            operation.run();
            return null;
        });
    }

    @Override
    public Optional<StoredResponse> get(String key) {
        return timed(() -> store.get(key));
    }

    @Override
    public void put(StoredResponse response) {
        timed(() -> store.put(response));
    }

    @Override
    public Claim claim(String key, long leaseMs) {
        return timed(() -> store.claim(key, leaseMs));
    }

    @Override
    public long claimLeaseMs() {
        return store.claimLeaseMs();
    }

    @Override
    public void renew(String key, long leaseMs) {
        timed(() -> store.renew(key, leaseMs));
    }

    @Override
    public void release(String key) {
        timed(() -> store.release(key));
    }

    @Override
    public void abandon(String key) {
        timed(() -> store.abandon(key));
    }
}
