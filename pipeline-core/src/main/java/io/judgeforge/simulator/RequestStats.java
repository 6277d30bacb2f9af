package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.json.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts handled requests by path and by status, so tests and jobs can check how many calls the
 * pipeline really made (for example, that a cache avoided repeated teacher calls).
 */
final class RequestStats {
  private final AtomicLong total = new AtomicLong();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

  void record(String path, int status) {
    byPath.computeIfAbsent(path, key -> new LongAdder()).increment();
    byStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
    total.incrementAndGet();
  }

  /** Keys sorted, so two snapshots of equal counts are equal JSON. */
  ObjectNode snapshot() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("total", total.get());
    ObjectNode paths = root.putObject("by_path");
    new TreeMap<>(byPath).forEach((path, count) -> paths.put(path, count.sum()));
    ObjectNode statuses = root.putObject("by_status");
    new TreeMap<>(byStatus).forEach((status, count) -> statuses.put(String.valueOf(status), count.sum()));
    return root;
  }
}
