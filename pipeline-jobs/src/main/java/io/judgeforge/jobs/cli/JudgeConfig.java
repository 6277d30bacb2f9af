package io.judgeforge.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import java.util.List;
import java.util.Map;

/**
 * What {@code meta-eval --judge-endpoint} takes from the pipeline YAML: the bound config (bundled defaults, then
 * {@code --conf}, then {@code --set}, as for every command), its scenario catalog and its prompt templates, both
 * resolved against the config file's folder as a run resolves them. The run's inputs and seeds are not read.
 *
 * <p>A config that is not a run's, such as {@code conf/defaults.yaml} itself, names no teacher endpoint, teacher
 * model, scorer or answer pool, and the config cannot be bound without them. Where the config leaves them empty they
 * are filled: the judge endpoint from {@code endpoint-defaults} alone (its URL is replaced by the judge's anyway),
 * the model from {@code --judge-model}, and stand-ins for the scorer and the pool, which meta-eval never uses. Keys
 * the config sets are kept as they are.
 */
record JudgeConfig(PipelineConfig config, ScenarioCatalog catalog, PromptLibrary prompts) {
    /** The name of the endpoint made for a config that names none. */
    static final String STAND_IN_ENDPOINT = "judge";

    private static final String UNUSED = "unused-by-meta-eval";

    /**
     * @param judgeModel the {@code --judge-model}, or null; needed only when the config sets no {@code teacher.model}
     * @throws ConfigException if the config, catalog or templates are missing or invalid, or no model is known
     */
    static JudgeConfig load(String confPath, List<String> overrides, String judgeModel) {
        HadoopFiles files = HadoopFiles.beforeSession();
        String confUri = Launch.localToUri(confPath);
        if (!files.exists(confUri)) {
            throw new ConfigException(
                    "Config file not found: " + confPath + " (--conf names the pipeline YAML whose scenario"
                            + " catalog, judge prompts and teacher endpoint settings the judge is called with; default conf/defaults.yaml)");
        }
        ConfigFiles.requireFile(files, confUri, "--conf");
        ObjectNode tree = ConfigLoader.tree(files.readText(confUri), overrides);
        complete(tree, judgeModel, confPath);
        // A ${simulator.base-url} only ever stands in an endpoint's URL, and the judge's URL is --judge-endpoint.
        PipelineConfig config = ConfigLoader.bind(tree, Map.of(Launch.SIMULATOR_URL, "http://127.0.0.1:0/v1"));
        String dir = new org.apache.hadoop.fs.Path(confUri).getParent().toString();
        ScenarioCatalog catalog = ScenarioCatalog.parse(
                ConfigFiles.readRequired(files, HadoopFiles.resolve(dir, config.catalog()), "catalog"),
                config.catalog());
        String promptsDir = HadoopFiles.resolve(dir, config.prompts());
        // All of them, not only the judge's: the library checks the whole set, as at the start of a run.
        return new JudgeConfig(config, catalog, new PromptLibrary(ConfigFiles.templates(files, promptsDir)));
    }

    /** Fills the keys a run needs and meta-eval does not, where the merged config leaves them empty. */
    private static void complete(ObjectNode tree, String judgeModel, String confPath) {
        if (!(tree.get("teacher") instanceof ObjectNode teacher)
                || !(tree.get("endpoints") instanceof ObjectNode endpoints)
                || !(tree.get("score") instanceof ObjectNode score)
                || !(tree.get("respond") instanceof ObjectNode respond)) {
            return; // Not the shape of a config: binding reports what is wrong, naming the key.
        }
        String endpoint = teacher.path("endpoint").asText("");
        if (endpoint.isEmpty()) {
            endpoint = STAND_IN_ENDPOINT;
            if (!endpoints.has(endpoint)) {
                endpoints.putObject(endpoint).put("base-url", "http://127.0.0.1:0/v1");
            }
            teacher.put("endpoint", endpoint);
        }
        if (teacher.path("model").asText("").isBlank()) {
            if (judgeModel == null || judgeModel.isBlank()) {
                throw new ConfigException(
                        "No judge model: give --judge-model NAME (the config " + confPath + " sets no teacher.model)");
            }
            teacher.put("model", judgeModel.strip());
        }
        if (score.path("endpoint").asText("").isEmpty()) {
            score.put("endpoint", endpoint);
        }
        if (score.path("model").asText("").isBlank()) {
            score.put("model", UNUSED);
        }
        JsonNode pool = respond.path("pool");
        if (pool.isArray() && pool.isEmpty()) {
            respond.putArray("pool")
                    .addObject()
                    .put("name", UNUSED)
                    .put("endpoint", endpoint)
                    .put("model", UNUSED)
                    .put("temperature", 0.0)
                    .put("max-tokens", 1);
        }
    }
}
