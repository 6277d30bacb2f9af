package io.judgeforge.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on loopback, made of separate JVMs as on real machines: one master and
 * {@code workers} workers of one core each, all started from a Spark "distribution" assembled from
 * the Maven jars this test runs with. Its {@code jars/} holds Spark and its dependencies as a
 * distribution ships them, including the old OkHttp 3 and Okio 1 that real distributions carry, and
 * none of Judgeforge's own classes or libraries: executors get those only from the application jar
 * that spark-submit hands them, as they would on a cluster.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Libraries the application brings in its shaded jar; a Spark distribution does not have them. */
  private static final List<String> APPLICATION_ONLY = List.of("pipeline-", "okhttp-4", "okio-3", "okio-jvm-",
      "kotlin-", "commons-csv-", "picocli-", "annotations-17");

  /** Variables a cluster's machines would not share with the submitting shell. */
  static final Set<String> NOT_ON_WORKERS = Set.of("JUDGEFORGE_TEST_SENTINEL_KEY");

  /**
   * Short-lived JVMs on a two-core machine: the client compiler alone and the serial collector
   * leave the cores to the work instead of to background compilation and GC threads.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Path home;
  final String masterUrl;
  private final String masterUi;
  private final List<Process> daemons = new ArrayList<>();

  private StandaloneCluster(Path home, String masterUrl, String masterUi) {
    this.home = home;
    this.masterUrl = masterUrl;
    this.masterUi = masterUi;
  }

  /**
   * Assembles SPARK_HOME under {@code dir} and starts the master and the workers; returns once every
   * worker has registered with the master.
   */
  static StandaloneCluster start(Path dir, int workers, List<Path> distributionExtras) throws Exception {
    Path home = dir.resolve("spark-home");
    Path jars = Files.createDirectories(home.resolve("jars"));
    // The module's compile classpath (Spark provided included), not this JVM's: no test library
    // (a Hadoop minicluster, an S3 SDK) may stand in for what a distribution lacks.
    String compileClasspath = Files.readString(Path.of(StandaloneClusterIT.required("judgeforge.compile.classpath"))).strip();
    for (String entry : compileClasspath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (name.endsWith(".jar") && APPLICATION_ONLY.stream().noneMatch(name::startsWith)) {
        Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
      }
    }
    for (Path extra : distributionExtras) {
      Files.createSymbolicLink(jars.resolve(extra.getFileName()), extra.toAbsolutePath());
    }
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.copy(Path.of("../run-scripts/log4j2.properties"), conf.resolve("log4j2.properties"));

    int port = freePort();
    int uiPort = freePort();
    StandaloneCluster cluster = new StandaloneCluster(home, "spark://127.0.0.1:" + port, "http://127.0.0.1:" + uiPort);
    try {
      cluster.daemons.add(cluster.daemon(dir.resolve("master.log"), "-Xmx256m", "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(uiPort)));
      cluster.awaitWorkers(0, 60);
      for (int i = 1; i <= workers; i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        cluster.daemons.add(cluster.daemon(dir.resolve("worker-" + i + ".log"), "-Xmx256m",
            "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
            "--webui-port", "0", "--work-dir", work.toString(), cluster.masterUrl));
      }
      cluster.awaitWorkers(workers, 90);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Runs {@code org.apache.spark.deploy.SparkSubmit}, the class {@code bin/spark-submit} ends in, in
   * client mode against this master, with {@code env} added to the submitting shell's environment.
   * Returns the exit code; the output goes to {@code log}.
   */
  int submit(Path log, Map<String, String> env, List<String> submitArgs, Path applicationJar, List<String> appArgs,
      long timeoutSeconds) throws Exception {
    List<String> command = java("-Xmx1g", "org.apache.spark.deploy.SparkSubmit");
    command.addAll(List.of("--master", masterUrl, "--deploy-mode", "client", "--class", "io.judgeforge.jobs.cli.Main"));
    command.addAll(submitArgs);
    command.add(applicationJar.toString());
    command.addAll(appArgs);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(pb.environment());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("spark-submit did not finish in " + timeoutSeconds + " s; its log: " + log);
    }
    return p.exitValue();
  }

  /** The master's view of the applications it ran, from its JSON page. */
  JsonNode state() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(masterUi + "/json/"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    return Json.read(r.body(), JsonNode.class);
  }

  private void awaitWorkers(int expected, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process d : daemons) {
        if (!d.isAlive()) {
          throw new AssertionError("a cluster daemon exited with " + d.exitValue() + "; see the logs beside " + home);
        }
      }
      try {
        JsonNode state = state();
        long alive = 0;
        for (JsonNode w : state.path("workers")) {
          alive += "ALIVE".equals(w.path("state").asText()) ? 1 : 0;
        }
        if (alive >= expected) {
          return;
        }
        last = alive + " workers alive";
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the cluster did not come up in " + seconds + " s (" + last + "); logs beside " + home);
  }

  private Process daemon(Path log, String heap, String mainClass, String... args) throws IOException {
    List<String> command = java(heap, mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(pb.environment());
    NOT_ON_WORKERS.forEach(pb.environment()::remove);
    return pb.start();
  }

  private List<String> java(String heap, String mainClass) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The Java 17 flags Spark's launcher scripts add (this test JVM was started with them).
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognized") || a.startsWith("-Dio.netty")
            || a.startsWith("-Djdk.reflect"))
        .toList());
    command.add(heap);
    command.addAll(List.of(QUICK_JVM.split(" ")));
    command.add("-cp");
    command.add(home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*");
    command.add(mainClass);
    return command;
  }

  private void environment(Map<String, String> env) {
    env.put("SPARK_HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // Spark's launcher library asks for it when it cannot find a build directory to read it from.
    env.put("SPARK_SCALA_VERSION", scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1"));
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).descendants().forEach(ProcessHandle::destroy);
      daemons.get(i).destroy();
    }
    for (Process d : daemons) {
      try {
        if (!d.waitFor(20, TimeUnit.SECONDS)) {
          d.descendants().forEach(ProcessHandle::destroyForcibly);
          d.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        d.destroyForcibly();
      }
    }
  }
}
