package io.judgeforge.teacher;

import io.judgeforge.config.ConfigException;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import io.judgeforge.teacher.spi.LocalEndpointServerProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the {@link LocalEndpointServerProvider}s on the classpath, such as the teacher simulator of the
 * pipeline-simulator module, which production code never depends on: run-scripts/judgeforge puts it
 * on the classpath, the shaded jar for spark-submit does not have it.
 */
public final class LocalEndpointServers {
    /** The provider name of the bundled teacher simulator. */
    public static final String SIMULATOR = "simulator";

    private LocalEndpointServers() {}

    /** The provider called {@code name}, if one is on the classpath. */
    public static Optional<LocalEndpointServerProvider> find(String name) {
        return find(name, LocalEndpointServers.class.getClassLoader());
    }

    private static Optional<LocalEndpointServerProvider> find(String name, ClassLoader loader) {
        for (LocalEndpointServerProvider provider : ServiceLoader.load(LocalEndpointServerProvider.class, loader)) {
            if (provider.name().equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /**
     * The simulator's provider.
     *
     * @param neededFor what asked for it, first in the message when it is missing (e.g. {@code
     *     "simulator.start is true"})
     * @param otherwise what else the user can do, last in that message; empty for nothing
     * @throws ConfigException in one line when the simulator module is not on the classpath
     */
    public static LocalEndpointServerProvider simulator(String neededFor, String otherwise) {
        return simulator(neededFor, otherwise, LocalEndpointServers.class.getClassLoader());
    }

    /** {@link #simulator(String, String)} as seen from {@code loader}; tests hide the module this way. */
    static LocalEndpointServerProvider simulator(String neededFor, String otherwise, ClassLoader loader) {
        return find(SIMULATOR, loader)
                .orElseThrow(() -> new ConfigException(neededFor
                        + " but the simulator module is not on the classpath; run through run-scripts/judgeforge"
                        + (otherwise.isEmpty() ? "" : ", " + otherwise)));
    }

    /**
     * Starts the simulator with {@code arguments} (the flags of {@code judgeforge sim-server}); see
     * {@link #simulator} for the other parameters.
     *
     * @throws ConfigException when the simulator is missing or an argument is unusable, naming it
     */
    public static LocalEndpointServer startSimulator(String neededFor, String otherwise, List<String> arguments) {
        LocalEndpointServerProvider provider = simulator(neededFor, otherwise);
        try {
            return provider.start(arguments);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
