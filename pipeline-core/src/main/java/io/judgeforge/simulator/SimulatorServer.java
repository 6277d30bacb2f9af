package io.judgeforge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.judgeforge.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The OpenAI-compatible simulator: a test double for the teacher and judge models, spoken to over
 * real HTTP on loopback so the pipeline's HTTP client, retries and timeouts are exercised as in
 * production. Only 127.0.0.1 is bound; the simulator is never meant to be reachable from elsewhere.
 */
public final class SimulatorServer implements AutoCloseable {
  static final String MODELS_PATH = "/v1/models";
  static final String CHAT_PATH = "/v1/chat/completions";
  static final String COMPLETIONS_PATH = "/v1/completions";
  static final String STATS_PATH = "/sim/stats";
  private static final int BACKLOG = 256;

  private record Route(String method, Function<byte[], ObjectNode> handler) {}

  static {
    // The JDK server writes headers and body as separate segments; with Nagle's algorithm on, each
    // small reply then waits ~40 ms for the client's delayed ACK, which made the simulator 50x slower
    // than it is. The property is read once per JVM, when the first HttpServer is created; a value
    // set explicitly by the user is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorSettings settings;
  private final HttpServer server;
  private final ExecutorService workers;
  private final RequestStats stats = new RequestStats();
  private final Map<String, Route> routes;
  private volatile boolean closed;

  private SimulatorServer(SimulatorSettings settings, HttpServer server, ExecutorService workers) {
    this.settings = settings;
    this.server = server;
    this.workers = workers;
    ChatCompletions chat = new ChatCompletions(settings);
    TextCompletions text = new TextCompletions(settings);
    ObjectNode models = ModelList.of(settings);
    this.routes =
        Map.of(
            MODELS_PATH, new Route("GET", body -> models),
            CHAT_PATH, new Route("POST", chat::handle),
            COMPLETIONS_PATH, new Route("POST", text::handle));
  }

  /**
   * Starts a simulator on 127.0.0.1.
   *
   * @param port the port to bind, or 0 for any free port (see {@link #port()})
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static SimulatorServer start(SimulatorSettings settings, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the simulator to 127.0.0.1:" + port, e);
    }
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), workerThreads());
    SimulatorServer simulator = new SimulatorServer(settings, server, workers);
    server.createContext("/", simulator::handle);
    server.setExecutor(workers);
    server.start();
    return simulator;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL an OpenAI client is configured with. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public SimulatorSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (STATS_PATH.equals(path)) {
        // Reading the stats must not change them, or a test could never assert exact counts.
        if ("GET".equals(method)) {
          send(exchange, 200, stats.snapshot());
        } else {
          send(exchange, 405, ApiError.methodNotAllowed(method, path, "GET").toJson());
        }
        return;
      }
      sleepLatency();
      int status;
      ObjectNode body;
      try {
        body = dispatch(path, method, exchange);
        status = 200;
      } catch (ApiError error) {
        status = error.status();
        body = error.toJson();
        if (status == 405) {
          exchange.getResponseHeaders().set("Allow", routes.get(path).method());
        }
      } catch (RuntimeException e) {
        ApiError error = ApiError.internal("The simulator failed: " + e);
        status = error.status();
        body = error.toJson();
      }
      // Counted before the reply is written, so a client that has its reply sees itself counted.
      stats.record(path, status);
      send(exchange, status, body);
    }
  }

  private ObjectNode dispatch(String path, String method, HttpExchange exchange) {
    Route route = routes.get(path);
    if (route == null) {
      throw ApiError.unknownPath(method, path);
    }
    if (!route.method().equals(method)) {
      throw ApiError.methodNotAllowed(method, path, route.method());
    }
    byte[] body;
    try {
      body = exchange.getRequestBody().readAllBytes();
    } catch (IOException e) {
      throw ApiError.invalidRequest("The request body could not be read: " + e.getMessage(), null, "invalid_body");
    }
    return route.handler().apply(body);
  }

  private void sleepLatency() {
    if (settings.latencyMs() > 0) {
      try {
        Thread.sleep(settings.latencyMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IOException("Cannot write the simulator's JSON reply", e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Daemon threads, so a simulator a test forgot to close cannot keep the JVM alive. */
  private static ThreadFactory workerThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "judgeforge-simulator-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
