package io.judgeforge.jobs.cli;

import io.judgeforge.simulator.SimulatorServer;
import io.judgeforge.simulator.SimulatorSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Latency added to every request (default ${DEFAULT-VALUE}).")
  int latencyMs;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SimulatorSettings defaults = SimulatorSettings.defaults();
    SimulatorServer server = SimulatorServer.start(new SimulatorSettings(seed, defaults.models(), latencyMs, defaults.threads()), port);
    spec.commandLine().getOut().println("simulator: serving on " + server.baseUrl() + " (models " + defaults.models().keySet() + ")");
    spec.commandLine().getOut().flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stop.countDown();
    }));
    stop.await();
    return 0;
  }
}
