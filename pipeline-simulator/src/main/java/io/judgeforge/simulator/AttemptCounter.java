package io.judgeforge.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers the arrivals of each distinct request. It keeps one counter per distinct request for the
 * life of the server (about 100 bytes each), and only when something is drawn per attempt; with
 * fixed latency and no faults it keeps nothing.
 */
final class AttemptCounter {
    private final long seed;
    private final boolean tracking;
    private final Map<Long, AtomicInteger> arrivals = new ConcurrentHashMap<>();

    AttemptCounter(long seed, boolean tracking) {
        this.seed = seed;
        this.tracking = tracking;
    }

    static AttemptCounter forSettings(SimulatorSettings settings) {
        return new AttemptCounter(
                settings.seed(),
                settings.latency().varies() || settings.faults().injectsAnything());
    }

    Attempt next(String method, String path, byte[] body) {
        if (!tracking) {
            return Attempt.UNTRACKED;
        }
        long key = key(method, path, body);
        int number = arrivals.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        return new Attempt(key, number);
    }

    private long key(String method, String path, byte[] body) {
        byte[] head = (seed + "|" + method + "|" + path + "|").getBytes(StandardCharsets.UTF_8);
        byte[] material = new byte[head.length + body.length];
        System.arraycopy(head, 0, material, 0, head.length);
        System.arraycopy(body, 0, material, head.length, body.length);
        byte[] digest = StableHash.sha256(material);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }
}
