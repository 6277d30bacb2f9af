package io.judgeforge.jobs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a local page in headless Chromium (Debian's {@code chromium}) and watches it over the DevTools protocol:
 * every error it reports (an uncaught exception, a {@code console.error}, a log entry at level error such as a
 * blocked or failed load), every request it makes, a figure the page's own DOM gives, and a screenshot of the
 * whole page. Everything has one deadline: a browser that hangs fails the caller instead of the build.
 */
final class HeadlessChromium {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    /** What the page did: its errors, the URLs it requested, what {@code probe} gave, and a PNG of it. */
    record Visit(List<String> errors, List<String> requests, String probe, byte[] screenshot) {}

    private HeadlessChromium() {}

    /** The browser: {@code JUDGEFORGE_CHROMIUM}, else {@code chromium} on the PATH; empty where there is none. */
    static Optional<Path> binary() {
        String configured = System.getenv("JUDGEFORGE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Loads {@code page}, waits for its load event and a moment after, evaluates {@code probe} (a JavaScript
     * expression giving a string) in it, and takes a screenshot of the whole page.
     */
    static Visit open(Path chromium, Path page, String probe, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path profile = Files.createTempDirectory("judgeforge-chromium");
        Process browser = new ProcessBuilder(
                        chromium.toString(),
                        "--headless=new",
                        "--no-sandbox", // as root (CI containers) Chromium will not start with its sandbox
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--disable-extensions",
                        "--hide-scrollbars",
                        "--window-size=800,1000",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (DevTools tools = DevTools.connect(pageSocket(browser, deadline), deadline)) {
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                tools.call(domain + ".enable", JSON.createObjectNode());
            }
            CompletableFuture<JsonNode> loaded = tools.next("Page.loadEventFired");
            tools.call(
                    "Page.navigate",
                    JSON.createObjectNode().put("url", page.toUri().toString()));
            tools.awaitEvent(loaded);
            Thread.sleep(300); // errors a page reports just after its load event
            String probed = tools.call(
                            "Runtime.evaluate",
                            JSON.createObjectNode().put("expression", probe).put("returnByValue", true))
                    .at("/result/value")
                    .asText();
            JsonNode size =
                    tools.call("Page.getLayoutMetrics", JSON.createObjectNode()).get("cssContentSize");
            ObjectNode clip = JSON.createObjectNode()
                    .put("x", 0)
                    .put("y", 0)
                    .put("width", size.get("width").asDouble())
                    .put("height", size.get("height").asDouble())
                    .put("scale", 1);
            String png = tools.call(
                            "Page.captureScreenshot",
                            JSON.createObjectNode()
                                    .put("format", "png")
                                    .put("captureBeyondViewport", true)
                                    .set("clip", clip))
                    .get("data")
                    .asText();
            return new Visit(
                    List.copyOf(tools.errors),
                    List.copyOf(tools.requests),
                    probed,
                    Base64.getDecoder().decode(png));
        } finally {
            browser.destroy();
            if (!browser.waitFor(5, TimeUnit.SECONDS)) {
                browser.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The DevTools socket of the browser's one page, from the address it prints when it listens. */
    private static URI pageSocket(Process browser, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<String> listening = new CompletableFuture<>();
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    said.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IOException("Chromium ended before it listened: " + said));
        });
        reader.setDaemon(true); // keeps draining stderr, so the browser never blocks on a full pipe
        reader.start();
        URI browserSocket = URI.create(await(listening, deadline, "Chromium to start"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> list = http.send(
                HttpRequest.newBuilder(URI.create("http://" + browserSocket.getAuthority() + "/json/list"))
                        .timeout(remaining(deadline))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
            if (target.get("type").asText().equals("page")) {
                return URI.create(target.get("webSocketDebuggerUrl").asText());
            }
        }
        throw new IOException("Chromium has no page: " + list.body());
    }

    static <T> T await(CompletableFuture<T> future, long deadline, String what)
            throws InterruptedException, TimeoutException, IOException {
        try {
            return future.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Waiting for " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TimeoutException("Chromium did not answer in time, waiting for " + what);
        }
    }

    private static Duration remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("Chromium did not finish in time");
        }
        return Duration.ofNanos(left);
    }

    /** One DevTools connection: numbered calls and their answers, and the page's errors and requests as they come. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder frame = new StringBuilder();
        private final long deadline;
        private WebSocket socket;

        private DevTools(long deadline) {
            this.deadline = deadline;
        }

        static DevTools connect(URI page, long deadline) throws IOException, InterruptedException, TimeoutException {
            DevTools tools = new DevTools(deadline);
            tools.socket = await(
                    HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(page, tools),
                    deadline,
                    "the DevTools socket");
            return tools;
        }

        /** The next event {@code method}, once it comes. */
        CompletableFuture<JsonNode> next(String method) {
            return events.computeIfAbsent(method, m -> new CompletableFuture<>());
        }

        JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException, TimeoutException {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            ObjectNode message =
                    JSON.createObjectNode().put("id", id).put("method", method).set("params", params);
            socket.sendText(JSON.writeValueAsString(message), true);
            JsonNode reply = await(answer, deadline, method);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.get("result");
        }

        JsonNode awaitEvent(CompletableFuture<JsonNode> event)
                throws IOException, InterruptedException, TimeoutException {
            return HeadlessChromium.await(event, deadline, "a page event");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    receive(JSON.readTree(frame.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    frame.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void receive(JsonNode message) {
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer =
                        answers.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
                return;
            }
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" ->
                    errors.add("exception: "
                            + params.at("/exceptionDetails/exception/description")
                                    .asText(params.at("/exceptionDetails/text").asText()));
                case "Runtime.consoleAPICalled" -> {
                    String type = params.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        errors.add("console." + type + ": " + params.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (params.at("/entry/level").asText().equals("error")) {
                        errors.add("log: " + params.at("/entry/text").asText() + " "
                                + params.at("/entry/url").asText());
                    }
                }
                case "Network.requestWillBeSent" ->
                    requests.add(params.at("/request/url").asText());
                default -> {}
            }
            CompletableFuture<JsonNode> waiting = events.get(method);
            if (waiting != null) {
                waiting.complete(params);
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
