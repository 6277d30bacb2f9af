package io.judgeforge.teacher.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store in one JVM's memory: for tests and for runs that want deduplication without persistence. */
public final class InMemoryResponseStore implements ResponseStore {
    private final Map<String, StoredResponse> responses = new ConcurrentHashMap<>();
    private final Map<String, Long> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredResponse> get(String key) {
        return Optional.ofNullable(responses.get(key));
    }

    @Override
    public void put(StoredResponse response) {
        responses.putIfAbsent(response.key(), response);
    }

    @Override
    public Claim claim(String key, long leaseMs) {
        long now = System.currentTimeMillis();
        Long previous = claims.putIfAbsent(key, now + leaseMs);
        if (previous == null) {
            return Claim.FREE;
        }
        return previous < now && claims.replace(key, previous, now + leaseMs) ? Claim.LAPSED : Claim.HELD;
    }

    @Override
    public void renew(String key, long leaseMs) {
        claims.computeIfPresent(key, (k, expiry) -> System.currentTimeMillis() + leaseMs);
    }

    @Override
    public void abandon(String key) {
        claims.put(key, 0L);
    }

    @Override
    public void release(String key) {
        claims.remove(key);
    }

    public java.util.Collection<StoredResponse> all() {
        return java.util.List.copyOf(responses.values());
    }

    public int size() {
        return responses.size();
    }
}
