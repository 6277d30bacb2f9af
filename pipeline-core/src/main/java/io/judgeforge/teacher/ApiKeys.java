package io.judgeforge.teacher;

import io.judgeforge.config.PipelineConfig;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The run's API keys as the driver read them, carried to the executors inside the tasks, in
 * memory: on YARN or Kubernetes an executor's environment need not hold the driver's variables.
 * An executor whose own environment sets the variable (a Kubernetes secret, YARN's
 * {@code spark.executorEnv}) uses its own. Keys never go into SparkConf, so the Spark UI and the
 * event log never show them; {@link #toString()} names only the variables. Serialized tasks sit
 * in executor memory and may spill to its local disk: where that or the network is not trusted,
 * turn on {@code spark.io.encryption.enabled} and {@code spark.network.crypto.enabled}.
 */
public final class ApiKeys implements Serializable {
    public static final ApiKeys NONE = new ApiKeys(Map.of());

    private final Map<String, String> byVariable;

    private ApiKeys(Map<String, String> byVariable) {
        this.byVariable = Map.copyOf(byVariable);
    }

    /** Reads every variable the config's endpoints name (on the driver, where the run was launched). */
    public static ApiKeys read(PipelineConfig config, Function<String, String> environment) {
        Map<String, String> keys = new HashMap<>();
        config.endpoints().values().forEach(e -> {
            String value = e.apiKeyEnv().isEmpty() ? null : environment.apply(e.apiKeyEnv());
            if (value != null && !value.isBlank()) {
                keys.put(e.apiKeyEnv(), value);
            }
        });
        return new ApiKeys(keys);
    }

    /** The environment an executor's clients read: its own variables first, else the driver's keys. */
    public Function<String, String> environment(Function<String, String> local) {
        return variable -> {
            String own = local.apply(variable);
            return own != null && !own.isBlank() ? own : byVariable.get(variable);
        };
    }

    @Override
    public String toString() {
        return "ApiKeys" + byVariable.keySet() + " (values not shown)";
    }
}
