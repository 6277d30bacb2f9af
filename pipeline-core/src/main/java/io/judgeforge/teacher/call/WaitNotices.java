package io.judgeforge.teacher.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the waits a server asks for at {@code max-wait-ms} and says so on the console, where the
 * run's progress is shown, at most once every ten seconds per endpoint: a run that sits still
 * because a provider asked for six minutes should say why, and never sleep for longer than the
 * user allowed.
 */
final class WaitNotices {
    private static final Map<String, WaitNotices> BY_ENDPOINT = new ConcurrentHashMap<>();
    private static final long QUIET_MS = 10_000;

    private final String endpoint;
    private long lastNotice = Long.MIN_VALUE / 2;

    private WaitNotices(String endpoint) {
        this.endpoint = endpoint;
    }

    static WaitNotices of(String endpoint) {
        return BY_ENDPOINT.computeIfAbsent(endpoint, WaitNotices::new);
    }

    /** The wait to keep: {@code askedMs} capped at {@code capMs}; long or capped waits are announced. */
    long capped(long askedMs, long capMs, String source, String model) {
        long wait = Math.min(askedMs, capMs);
        if (askedMs >= 5_000 || askedMs > capMs) {
            announce(askedMs, wait, source, model);
        }
        return wait;
    }

    private synchronized void announce(long askedMs, long waitMs, String source, String model) {
        long now = System.currentTimeMillis();
        if (now - lastNotice < QUIET_MS) {
            return;
        }
        lastNotice = now;
        String capped = askedMs > waitMs ? ", capped by endpoints." + endpoint + ".max-wait-ms" : "";
        System.err.printf(
                "judgeforge: endpoint %s (%s) asked to wait %s (%s); waiting %s%s%n",
                endpoint, model, seconds(askedMs), source, seconds(waitMs), capped);
    }

    private static String seconds(long ms) {
        return ms < 1_000 ? ms + " ms" : String.format("%.1f s", ms / 1000.0);
    }
}
