package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.spi.LocalEndpointServerProvider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Serves the bundled OpenAI-compatible simulator on loopback until stopped. The simulator module owns
 * its flags: this command hands every argument to it through the {@link LocalEndpointServerProvider}
 * service (Main lets unknown options through as parameters), and so needs it on the classpath.
 */
@Command(
        name = "sim-server",
        description = "Serve the OpenAI-compatible teacher simulator on 127.0.0.1 until stopped (Ctrl-C).")
final class SimServerCommand implements Callable<Integer> {
    static final String NAME = "judgeforge sim-server";
    private static final String NEEDS_SIMULATOR = "this command serves the simulator";

    @Parameters(arity = "0..*", paramLabel = "FLAG", description = "The simulator's flags; see --help.")
    List<String> arguments = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LocalEndpointServerProvider provider = LocalEndpointServers.simulator(NEEDS_SIMULATOR, "");
        PrintWriter out = spec.commandLine().getOut();
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(provider.usage(NAME));
            out.flush();
            return 0;
        }
        LocalEndpointServer server;
        try {
            server = LocalEndpointServers.startSimulator(NEEDS_SIMULATOR, "", arguments);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (see '" + NAME + " --help')", e);
        }
        out.println("simulator: serving on " + server.baseUrl());
        out.println("simulator: " + server.description());
        out.flush();
        return UntilStopped.serve(server);
    }
}
