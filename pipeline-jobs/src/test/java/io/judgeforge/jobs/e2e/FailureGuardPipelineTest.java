package io.judgeforge.jobs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.judgeforge.jobs.cli.Main;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ways a run stops. A step that quarantines more than run.max-quarantined-share of its items
 * stops the run with a clear error: nothing is published, and what was done stays on disk with
 * its reasons. An answer that every request would meet (a bad key, an unknown model) stops it at
 * once, with one line, before the other items spend a request each.
 */
@Tag("spark")
class FailureGuardPipelineTest {
    @Test
    void aPoolWhoseEveryAnswerIsCutOffStopsTheRunBeforeAnythingIsPublished(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {
                    "run",
                    "--conf",
                    "../conf/local.yaml",
                    "--out",
                    out.toString(),
                    "--set",
                    "generate.quota=1",
                    "--set",
                    "respond.pool=[{name: terse, endpoint: sim, model: sim-6b, temperature: 0.5, max-tokens: 1}]"
                },
                new PrintWriter(stdout, true),
                new PrintWriter(stderr, true));
        assertEquals(1, code, stdout + "\n" + stderr);
        assertTrue(
                stderr.toString()
                        .contains("Stage respond step answer-calls quarantined 10 of 10 items, over"
                                + " run.max-quarantined-share 0.50; reasons {truncated=10}"),
                stderr.toString());
        // The trace is the log's; the terminal gets the one line, which says how to see the trace there.
        assertFalse(stderr.toString().contains("\tat "), "no stack trace without --verbose: " + stderr);
        assertTrue(stderr.toString().contains("--verbose prints it here"), stderr.toString());
        assertFalse(Files.exists(out.resolve("datasets/LATEST")), "nothing published");
        try (var runs = Files.list(out.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertTrue(Files.exists(run.resolve("respond/quarantine")), "the failed items are kept with their reasons");
            assertTrue(Files.exists(run.resolve("respond/_report.json")));
        }
    }

    @Test
    void anUnknownModelStopsTheRunAtOnceWithOneLine(@TempDir Path out) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {
                    "run",
                    "--conf",
                    "../conf/local.yaml",
                    "--out",
                    out.toString(),
                    "--set",
                    "generate.quota=1",
                    "--set",
                    "respond.pool=[{name: ghost, endpoint: sim, model: sim-does-not-exist, temperature: 0.5, max-tokens: 32}]"
                },
                new PrintWriter(stdout, true),
                new PrintWriter(stderr, true));
        assertEquals(Main.USAGE, code, stdout + "\n" + stderr);
        assertTrue(
                stderr.toString()
                        .startsWith("run: endpoint 'sim' (model sim-does-not-exist): model_not_found: HTTP 404"),
                stderr.toString());
        assertEquals(1, stderr.toString().strip().lines().count(), "one line, no stack trace: " + stderr);
        assertFalse(Files.exists(out.resolve("datasets/LATEST")), "nothing published");
    }

    @Test
    void aBadKeyStopsTheRunBeforeTheOtherItemsSpendARequest(@TempDir Path out) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body =
                    ("{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong. You can find your API key at"
                                    + " https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,"
                                    + "\"code\":\"invalid_api_key\"}}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        provider.start();
        try {
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.execute(
                    new String[] {
                        "run",
                        "--conf",
                        "../conf/local.yaml",
                        "--out",
                        out.toString(),
                        "--set",
                        "generate.quota=1",
                        "--set",
                        "endpoints.provider.base-url=http://127.0.0.1:"
                                + provider.getAddress().getPort() + "/v1",
                        "--set",
                        "endpoints.provider.max-in-flight=1",
                        "--set",
                        "respond.pool=[{name: remote, endpoint: provider, model: gpt-4o, temperature: 0.5, max-tokens: 32}]"
                    },
                    new PrintWriter(stdout, true),
                    new PrintWriter(stderr, true));
            assertEquals(Main.USAGE, code, stdout + "\n" + stderr);
            assertTrue(
                    stderr.toString().contains("auth_failed: HTTP 401: Incorrect API key provided"), stderr.toString());
            // 10 items to answer, 2 Spark tasks with 1 request in flight each: the first 401 stops the rest.
            assertTrue(
                    requests.get() <= 2, "requests sent after the endpoint said the key is wrong: " + requests.get());
        } finally {
            provider.stop(0);
        }
    }
}
