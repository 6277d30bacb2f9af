package io.judgeforge.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The teacher simulator served by {@code judgeforge sim-server} in a JVM of its own, as a remote endpoint would be. */
final class SimulatorProcess implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("simulator: serving on (\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    final String baseUrl;

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static SimulatorProcess start(Path log, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.judgeforge.jobs.cli.Main",
                "sim-server"));
        command.addAll(flags);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return new SimulatorProcess(p, m.group(1));
            }
            if (!p.isAlive()) {
                throw new AssertionError("the simulator exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("the simulator did not start in 60 s; its log: " + log);
    }

    /** The simulator's counters ({@code GET /sim/stats}). */
    JsonNode stats() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl.replace("/v1", "/sim/stats")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.read(r.body(), JsonNode.class);
    }

    long requests() throws Exception {
        return stats().path("total").asLong();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
