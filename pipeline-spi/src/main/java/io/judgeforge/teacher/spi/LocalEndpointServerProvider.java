package io.judgeforge.teacher.spi;

import java.util.List;

/**
 * Starts {@link LocalEndpointServer}s; found with {@link java.util.ServiceLoader}, so production code
 * can start one without depending on the module that implements it.
 */
public interface LocalEndpointServerProvider {
    /** The name callers ask for, e.g. {@code simulator}. */
    String name();

    /**
     * Starts a server configured by command-line-style arguments, e.g.
     * {@code ["--port", "0", "--seed", "7", "--latency-ms", "2"]}.
     *
     * @throws IllegalArgumentException in one line naming the argument, when an argument is unknown
     *     or unusable, or the port cannot be bound
     */
    LocalEndpointServer start(List<String> arguments);

    /** The usage text of the arguments, as {@code --help} prints it under {@code commandName}. */
    String usage(String commandName);
}
