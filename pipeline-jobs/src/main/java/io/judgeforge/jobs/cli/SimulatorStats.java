package io.judgeforge.jobs.cli;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Reads the simulator's own request counts, to print beside the pipeline's. */
final class SimulatorStats {
    private SimulatorStats() {}

    static String fetch(String baseUrl) {
        String url = baseUrl.replaceAll("/v1/?$", "") + "/sim/stats";
        try (Response r = new OkHttpClient()
                .newCall(new Request.Builder().url(url).build())
                .execute()) {
            return r.body() == null ? "(no stats)" : r.body().string().strip();
        } catch (IOException e) {
            return "(stats unavailable: " + e.getMessage() + ")";
        }
    }
}
