package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GET /v1/models: the configured models, in configuration order. */
final class ModelList {
    static final String OWNER = "judgeforge-simulator";

    private ModelList() {}

    static ObjectNode of(SimulatorSettings settings) {
        ObjectNode root = SimulatorJson.mapper().createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String model : settings.models().keySet()) {
            ObjectNode entry = data.addObject();
            entry.put("id", model);
            entry.put("object", "model");
            entry.put("owned_by", OWNER);
        }
        return root;
    }
}
