package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What clients sent, for {@code GET /sim/requests}: per request the method, path, query parameters,
 * User-Agent and the names of its headers (never their values, which hold keys), with the status it
 * got. The last {@value #KEPT} requests are kept; {@code /sim/*} requests are not logged.
 */
final class RequestLog {
    static final int KEPT = 1000;
    static final String REDACTED = "(redacted)";
    /** Query parameters whose value could be a credential are logged by name only. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|sig|password|auth).*");

    private final Deque<ObjectNode> entries = new ArrayDeque<>();
    private long total;

    synchronized void record(
            String method, String path, String rawQuery, Map<String, List<String>> headers, int status) {
        ObjectNode entry = SimulatorJson.mapper().createObjectNode();
        entry.put("method", method);
        entry.put("path", path);
        ObjectNode query = entry.putObject("query");
        QueryString.parse(rawQuery)
                .forEach((name, value) ->
                        query.put(name, SECRET_NAME.matcher(name).matches() ? REDACTED : value));
        String userAgent = null;
        TreeSet<String> names = new TreeSet<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            names.add(name);
            if (name.equals("user-agent") && !header.getValue().isEmpty()) {
                userAgent = header.getValue().get(0);
            }
        }
        if (userAgent == null) {
            entry.putNull("user_agent");
        } else {
            entry.put("user_agent", userAgent);
        }
        ArrayNode headerNames = entry.putArray("header_names");
        names.forEach(headerNames::add);
        entry.put("status", status);
        entries.addLast(entry);
        if (entries.size() > KEPT) {
            entries.removeFirst();
        }
        total++;
    }

    /** {@code {"total": N, "kept": K, "requests": [...]}}, oldest first. */
    synchronized ObjectNode snapshot() {
        ObjectNode root = SimulatorJson.mapper().createObjectNode();
        root.put("total", total);
        root.put("kept", entries.size());
        ArrayNode requests = root.putArray("requests");
        entries.forEach(entry -> requests.add(entry.deepCopy()));
        return root;
    }
}
