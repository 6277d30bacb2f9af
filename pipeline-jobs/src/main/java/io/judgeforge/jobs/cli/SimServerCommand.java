package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.simulator.FaultKind;
import io.judgeforge.simulator.Faults;
import io.judgeforge.simulator.Latency;
import io.judgeforge.simulator.RateLimits;
import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Serves the bundled OpenAI-compatible simulator on loopback until stopped. */
@Command(name = "sim-server", mixinStandardHelpOptions = true,
    description = "Serve the OpenAI-compatible teacher simulator on 127.0.0.1 until stopped (Ctrl-C).")
final class SimServerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", defaultValue = "8089", description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed: same seed and request, same answer (default ${DEFAULT-VALUE}).")
  long seed;

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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SimulatorSettings settings = settings();
    if (port < 0 || port > 65535) {
      throw new ConfigException("Invalid value for '--port': " + port + " (expected 0 to 65535)");
    }
    SimulatorServer server;
    try {
      server = SimulatorServer.start(settings, port);
    } catch (RuntimeException e) {
      throw new ConfigException("Cannot serve on 127.0.0.1:" + port + ": " + (e.getCause() != null ? e.getCause() : e));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("simulator: serving on " + server.baseUrl() + " (models " + settings.models().keySet() + ")");
    out.println("simulator: " + settings.describe());
    out.flush();
    return UntilStopped.serve(server);
  }

  /** The settings the flags ask for; a flag with an unusable value is named in a ConfigException. */
  SimulatorSettings settings() {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    return new SimulatorSettings(seed, defaults.models(), latency(), defaults.threads(), rateLimits(), faults());
  }

  private Latency latency() {
    ConfigException.check(latencyMs >= 0, "--latency-ms", latencyMs, "an integer >= 0");
    Latency.Kind kind;
    try {
      kind = Latency.Kind.parse(latencyDist);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid("--latency-dist", latencyDist, "fixed, uniform or lognormal");
    }
    if (kind == Latency.Kind.FIXED) {
      if (latencyP99Ms != null) {
        throw new ConfigException("'--latency-p99-ms' needs '--latency-dist uniform' or 'lognormal': a fixed latency has no spread");
      }
      return Latency.fixed(latencyMs);
    }
    if (latencyP99Ms == null) {
      throw new ConfigException("'--latency-dist " + kind.label() + "' needs '--latency-p99-ms'");
    }
    ConfigException.check(latencyP99Ms >= 0, "--latency-p99-ms", latencyP99Ms, "an integer >= 0");
    try {
      return new Latency(kind, latencyMs, latencyP99Ms);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for '--latency-p99-ms' with '--latency-ms " + latencyMs + "': " + e.getMessage());
    }
  }

  private RateLimits rateLimits() {
    ConfigException.check(rpm >= 0, "--rpm", rpm, "an integer >= 0, 0 for no limit");
    ConfigException.check(tpm >= 0, "--tpm", tpm, "an integer >= 0, 0 for no limit");
    return RateLimits.everyModel(rpm, tpm);
  }

  private Faults faults() {
    ConfigException.check(slowMs >= 0, "--slow-ms", slowMs, "an integer >= 0");
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
    ConfigException.check(value >= 0 && value <= 1, flag, value, "a rate from 0 to 1");
    return value;
  }
}
