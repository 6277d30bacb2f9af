package io.judgeforge.simulator;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The simulator's flags, shared by {@link SimulatorMain}, {@code judgeforge sim-server} and the
 * {@link SimulatorProvider} arguments: one list of flags, whoever starts the simulator. A flag with an
 * unusable value is named in a one-line {@link IllegalArgumentException}.
 */
@Command(name = "judgeforge-simulator", mixinStandardHelpOptions = true, version = "judgeforge-simulator 0.1.0",
    description = "Serve the OpenAI-compatible teacher simulator on 127.0.0.1 until stopped (Ctrl-C).")
final class SimulatorCommandLine {
  static final int DEFAULT_PORT = 8089;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
      description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed: same seed and request, same answer (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "" + SimulatorSettings.DEFAULT_THREADS,
      description = "HTTP worker threads: requests served at once (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0",
      description = "Latency added to every request: the fixed delay, or the mean of --latency-dist (default ${DEFAULT-VALUE}).")
  int latencyMs;

  @Option(names = "--latency-dist", paramLabel = "KIND", defaultValue = "fixed",
      description = "Latency distribution: fixed, uniform or lognormal (default ${DEFAULT-VALUE}).")
  String latencyDist;

  @Option(names = "--latency-p99-ms", paramLabel = "MS",
      description = "99th-percentile latency; required with --latency-dist uniform or lognormal.")
  Integer latencyP99Ms;

  @Option(names = "--rpm", paramLabel = "N", defaultValue = "0", description = "Requests per minute allowed per model, else 429 (0 = no limit; default ${DEFAULT-VALUE}).")
  int rpm;

  @Option(names = "--tpm", paramLabel = "N", defaultValue = "0",
      description = "Tokens (prompt + completion) per minute allowed per model, else 429 (0 = no limit; default ${DEFAULT-VALUE}).")
  int tpm;

  @Option(names = "--fault-500", paramLabel = "R", defaultValue = "0", description = "Rate of injected 500 replies, 0..1 (default ${DEFAULT-VALUE}).")
  double fault500;

  @Option(names = "--fault-503", paramLabel = "R", defaultValue = "0", description = "Rate of injected 503 replies, 0..1 (default ${DEFAULT-VALUE}).")
  double fault503;

  @Option(names = "--fault-429", paramLabel = "R", defaultValue = "0",
      description = "Rate of injected 429 replies with Retry-After: 1, 0..1 (default ${DEFAULT-VALUE}).")
  double fault429;

  @Option(names = "--fault-malformed", paramLabel = "R", defaultValue = "0",
      description = "Rate of 200 replies whose body is not JSON, 0..1 (default ${DEFAULT-VALUE}).")
  double faultMalformed;

  @Option(names = "--fault-truncated", paramLabel = "R", defaultValue = "0",
      description = "Rate of chat replies cut short with finish_reason length, 0..1 (default ${DEFAULT-VALUE}).")
  double faultTruncated;

  @Option(names = "--fault-slow", paramLabel = "R", defaultValue = "0",
      description = "Rate of requests delayed by an extra --slow-ms, 0..1 (default ${DEFAULT-VALUE}).")
  double faultSlow;

  @Option(names = "--slow-ms", paramLabel = "MS", defaultValue = "" + Faults.DEFAULT_SLOW_MS,
      description = "Extra delay of a slow request; set it past the client's timeout (default ${DEFAULT-VALUE}).")
  int slowMs;

  private boolean helpRequested;
  private boolean versionRequested;

  /**
   * Reads the flags. Values are checked later, by {@link #settings()} and {@link #port()}.
   *
   * @throws IllegalArgumentException naming an unknown flag or a value of the wrong type
   */
  static SimulatorCommandLine parse(List<String> arguments) {
    SimulatorCommandLine flags = new SimulatorCommandLine();
    CommandLine cli = new CommandLine(flags);
    try {
      cli.parseArgs(arguments.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    flags.helpRequested = cli.isUsageHelpRequested();
    flags.versionRequested = cli.isVersionHelpRequested();
    return flags;
  }

  /** The usage text, with {@code commandName} as the command (e.g. {@code judgeforge sim-server}). */
  static String usage(String commandName) {
    return new CommandLine(new SimulatorCommandLine()).setCommandName(commandName).getUsageMessage();
  }

  boolean helpRequested() {
    return helpRequested;
  }

  boolean versionRequested() {
    return versionRequested;
  }

  int port() {
    check(port >= 0 && port <= 65_535, "--port", port, "0 to 65535");
    return port;
  }

  /** The settings the flags ask for. */
  SimulatorSettings settings() {
    check(threads >= 1, "--threads", threads, "an integer >= 1");
    SimulatorSettings defaults = SimulatorSettings.defaults();
    return new SimulatorSettings(seed, defaults.models(), latency(), threads, rateLimits(), faults());
  }

  private Latency latency() {
    check(latencyMs >= 0, "--latency-ms", latencyMs, "an integer >= 0");
    Latency.Kind kind;
    try {
      kind = Latency.Kind.parse(latencyDist);
    } catch (IllegalArgumentException e) {
      throw invalid("--latency-dist", "'" + latencyDist + "'", "fixed, uniform or lognormal");
    }
    if (kind == Latency.Kind.FIXED) {
      if (latencyP99Ms != null) {
        throw new IllegalArgumentException(
            "'--latency-p99-ms' needs '--latency-dist uniform' or 'lognormal': a fixed latency has no spread");
      }
      return Latency.fixed(latencyMs);
    }
    if (latencyP99Ms == null) {
      throw new IllegalArgumentException("'--latency-dist " + kind.label() + "' needs '--latency-p99-ms'");
    }
    check(latencyP99Ms >= 0, "--latency-p99-ms", latencyP99Ms, "an integer >= 0");
    try {
      return new Latency(kind, latencyMs, latencyP99Ms);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid value for '--latency-p99-ms' with '--latency-ms " + latencyMs + "': " + e.getMessage());
    }
  }

  private RateLimits rateLimits() {
    check(rpm >= 0, "--rpm", rpm, "an integer >= 0, 0 for no limit");
    check(tpm >= 0, "--tpm", tpm, "an integer >= 0, 0 for no limit");
    return RateLimits.everyModel(rpm, tpm);
  }

  private Faults faults() {
    check(slowMs >= 0, "--slow-ms", slowMs, "an integer >= 0");
    return Faults.NONE
        .with(FaultKind.HTTP_500, rate("--fault-500", fault500))
        .with(FaultKind.HTTP_503, rate("--fault-503", fault503))
        .with(FaultKind.HTTP_429, rate("--fault-429", fault429))
        .with(FaultKind.MALFORMED_JSON, rate("--fault-malformed", faultMalformed))
        .with(FaultKind.TRUNCATED, rate("--fault-truncated", faultTruncated))
        .with(FaultKind.SLOW, rate("--fault-slow", faultSlow))
        .withSlowMs(slowMs);
  }

  private static double rate(String flag, double value) {
    check(value >= 0 && value <= 1, flag, value, "a rate from 0 to 1");
    return value;
  }

  private static void check(boolean condition, String flag, Object value, String expected) {
    if (!condition) {
      throw invalid(flag, value, expected);
    }
  }

  private static IllegalArgumentException invalid(String flag, Object value, String expected) {
    return new IllegalArgumentException("Invalid value for '" + flag + "': " + value + " (expected " + expected + ")");
  }
}
