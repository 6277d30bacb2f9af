package io.judgeforge.teacher.spi;

/**
 * An OpenAI-compatible server running in this JVM on loopback, such as the bundled simulator,
 * started through a {@link LocalEndpointServerProvider}.
 */
public interface LocalEndpointServer extends AutoCloseable {
    /** The base URL an OpenAI client is configured with, e.g. {@code http://127.0.0.1:8089/v1}. */
    String baseUrl();

    /** One line on how it serves (models, seed, latency, limits, faults), for start-up logs. */
    default String description() {
        return "serving on " + baseUrl();
    }

    /** Stops serving; closing twice does nothing. */
    @Override
    void close();
}
