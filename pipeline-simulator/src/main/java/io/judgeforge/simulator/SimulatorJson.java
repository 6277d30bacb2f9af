package io.judgeforge.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * The simulator's own JSON mapper, so that the module needs nothing of the pipeline. The simulator
 * reads and writes JSON trees only, so a plain mapper serves: a tree is written as built, explicit
 * nulls included.
 */
final class SimulatorJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatorJson() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write a JSON tree", e);
        }
    }
}
