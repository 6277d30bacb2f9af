package io.judgeforge.teacher.cassette;

import io.judgeforge.hash.Sha256;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.store.StoredResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded teacher exchanges (a JSONL file of stored responses), found by what a server sees of a
 * request: its path and its exact body. The client writes canonical bodies, so a replayed run
 * sends byte-identical requests and finds its answers.
 */
public final class Cassette {
    private final Map<String, StoredResponse> byRequest = new HashMap<>();

    private Cassette() {}

    public static Cassette parse(List<String> lines, String source) {
        Cassette c = new Cassette();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            StoredResponse r;
            try {
                r = Json.read(lines.get(i), StoredResponse.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "Cannot read cassette " + source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            c.byRequest.putIfAbsent(key(r.path(), r.request()), r);
        }
        return c;
    }

    public static String line(StoredResponse response) {
        return Json.write(response);
    }

    static String key(String path, String body) {
        return Sha256.hex(path + "\n" + body);
    }

    public Optional<StoredResponse> find(String path, String body) {
        return Optional.ofNullable(byRequest.get(key(path, body)));
    }

    public int size() {
        return byRequest.size();
    }
}
