package io.judgeforge.simulator;

import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.spi.LocalEndpointServerProvider;
import java.util.List;

/**
 * Starts the simulator for code that cannot depend on this module (the pipeline's {@code
 * simulator.start}, {@code judgeforge sim-server}, {@code judgeforge bench teacher}), found with
 * {@link java.util.ServiceLoader} under the name {@value #NAME}. Its arguments are the flags of
 * {@link SimulatorMain}.
 */
public final class SimulatorProvider implements LocalEndpointServerProvider {
    public static final String NAME = "simulator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LocalEndpointServer start(List<String> arguments) {
        SimulatorCommandLine flags = SimulatorCommandLine.parse(arguments);
        if (flags.helpRequested() || flags.versionRequested()) {
            throw new IllegalArgumentException("'--help' and '--version' print text; they start no simulator");
        }
        return serve(flags);
    }

    /** Starts a simulator as the parsed flags ask. */
    static SimulatorServer serve(SimulatorCommandLine flags) {
        SimulatorSettings settings = flags.settings();
        int port = flags.port();
        try {
            return SimulatorServer.start(settings, port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot serve on 127.0.0.1:" + port + ": " + (e.getCause() != null ? e.getCause() : e), e);
        }
    }

    @Override
    public String usage(String commandName) {
        return SimulatorCommandLine.usage(commandName);
    }
}
