package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts handled requests by path and by status, so tests and jobs can check how many calls the
 * pipeline really made (for example, that a cache avoided repeated teacher calls), and how many of
 * them were injected faults or refused by the rate limits. A faulted or refused reply is also
 * counted under its status like any other.
 */
final class RequestStats {
    private final AtomicLong total = new AtomicLong();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);
    private final LongAdder rateLimited = new LongAdder();
    private final Set<FaultKind> listed;

    /** Stats that list the first six fault kinds and no other. */
    RequestStats() {
        this(Set.of());
    }

    /**
     * @param alsoListed the later fault kinds this server can inject, listed beside the first six; a
     *     server that cannot inject them keeps the stats it always had
     */
    RequestStats(Set<FaultKind> alsoListed) {
        this.listed = Set.copyOf(alsoListed);
        // Filled once here and only read afterwards, so the EnumMap needs no lock.
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new LongAdder());
        }
    }

    void record(String path, int status) {
        byPath.computeIfAbsent(path, key -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
        total.incrementAndGet();
    }

    void recordFault(FaultKind kind) {
        faults.get(kind).increment();
    }

    /** A 429 from the configured rate limits (an injected 429 is a fault instead). */
    void recordRateLimited() {
        rateLimited.increment();
    }

    /**
     * Keys sorted (faults in {@link FaultKind} order: the first six always, a later kind when this
     * server can inject it), so equal counts are equal JSON.
     */
    ObjectNode snapshot() {
        ObjectNode root = SimulatorJson.mapper().createObjectNode();
        root.put("total", total.get());
        ObjectNode paths = root.putObject("by_path");
        new TreeMap<>(byPath).forEach((path, count) -> paths.put(path, count.sum()));
        ObjectNode statuses = root.putObject("by_status");
        new TreeMap<>(byStatus).forEach((status, count) -> statuses.put(String.valueOf(status), count.sum()));
        ObjectNode faultCounts = root.putObject("faults");
        faults.forEach((kind, count) -> {
            if (kind.listedAlways() || listed.contains(kind)) {
                faultCounts.put(kind.key(), count.sum());
            }
        });
        root.put("rate_limited", rateLimited.sum());
        return root;
    }
}
