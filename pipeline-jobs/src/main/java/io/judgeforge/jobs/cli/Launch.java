package io.judgeforge.jobs.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.ConfigValidator;
import io.judgeforge.config.EmptyInputs;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.RunFingerprint;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.spark.Sessions;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Resolves what a command needs, in order: the config (defaults, file, overrides), the bundled
 * simulator when {@code simulator.start} asks for it, the catalog, templates and seeds it names,
 * the Spark session, and the run's folder. Everything that can be wrong with the config is found
 * here, before Spark starts or any call is made.
 */
public final class Launch implements AutoCloseable {
    public static final String SIMULATOR_URL = "simulator.base-url";

    final PipelineConfig config;
    final String configDir;
    final ScenarioCatalog catalog;
    final PromptLibrary prompts;
    final List<SeedInstruction> seeds;
    final String configSha256;
    private final List<EmptyInputs.Empty> emptyInputs;
    private final LocalEndpointServer simulator;
    private final Source source;
    private final boolean ownsSimulator;

    /** What the config was bound from, so a refresh can bind it again with overrides of its own. */
    private record Source(String text, List<String> overrides, Map<String, String> variables) {}

    private Launch(
            PipelineConfig config,
            String configDir,
            ScenarioCatalog catalog,
            PromptLibrary prompts,
            List<SeedInstruction> seeds,
            String configSha256,
            List<EmptyInputs.Empty> emptyInputs,
            LocalEndpointServer simulator,
            Source source,
            boolean ownsSimulator) {
        this.config = config;
        this.configDir = configDir;
        this.catalog = catalog;
        this.prompts = prompts;
        this.seeds = seeds;
        this.configSha256 = configSha256;
        this.emptyInputs = emptyInputs;
        this.simulator = simulator;
        this.source = source;
        this.ownsSimulator = ownsSimulator;
    }

    /** Loads and checks the config and everything it names; starts the simulator if asked to. */
    public static Launch load(String confPath, List<String> overrides) {
        return load(confPath, overrides, true);
    }

    /** Like {@link #load}, but never starts the simulator: its URL stands in as an unused loopback address. */
    public static Launch check(String confPath, List<String> overrides) {
        return load(confPath, overrides, false);
    }

    private static Launch load(String confPath, List<String> overrides, boolean serve) {
        HadoopFiles files = HadoopFiles.beforeSession();
        String confUri = localToUri(confPath);
        if (!files.exists(confUri)) {
            throw new ConfigException("Config file not found: " + confPath);
        }
        ConfigFiles.requireFile(files, confUri, "--conf");
        String text = files.readText(confUri);
        ObjectNode tree = ConfigLoader.tree(text, overrides);
        PipelineConfig.Simulator sim = ConfigLoader.section(tree, "simulator", PipelineConfig.Simulator.class);
        LocalEndpointServer simulator = sim.start() && serve
                ? LocalEndpointServers.startSimulator(
                        "simulator.start is true", "or point the endpoint at a running server", simulatorArguments(sim))
                : null;
        Map<String, String> variables = !sim.start()
                ? Map.of()
                : Map.of(SIMULATOR_URL, simulator == null ? "http://127.0.0.1:0/v1" : simulator.baseUrl());
        try {
            return resolve(
                    files,
                    new org.apache.hadoop.fs.Path(confUri).getParent().toString(),
                    tree,
                    new Source(text, List.copyOf(overrides), variables),
                    simulator,
                    true);
        } catch (RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
    }

    /** Binds and checks the config, then reads every file it names, relative to the config's folder {@code dir}. */
    private static Launch resolve(
            HadoopFiles files,
            String dir,
            ObjectNode tree,
            Source source,
            LocalEndpointServer simulator,
            boolean ownsSimulator) {
        PipelineConfig config = ConfigLoader.bind(tree, source.variables());
        ConfigValidator.checkApiKeys(config, System::getenv);
        String catalogYaml = ConfigFiles.readRequired(files, HadoopFiles.resolve(dir, config.catalog()), "catalog");
        ScenarioCatalog catalog = ScenarioCatalog.parse(catalogYaml, config.catalog());
        ConfigValidator.checkAgainstCatalog(config, catalog);
        RunFingerprint fingerprint = new RunFingerprint(tree).add(catalogYaml);
        String promptsDir = HadoopFiles.resolve(dir, config.prompts());
        Map<String, PromptTemplate> templates = ConfigFiles.templates(files, promptsDir);
        templates.values().forEach(t -> fingerprint.add(t.version()));
        PromptLibrary prompts =
                new PromptLibrary(templates); // its checks of the templates come before the seeds' checks
        String seedsText = ConfigFiles.readRequired(
                files, HadoopFiles.resolve(dir, config.inputs().seeds()), "inputs.seeds");
        List<SeedInstruction> seeds =
                ConfigValidator.readSeeds(seedsText, config.inputs().seeds(), catalog);
        fingerprint.add(seedsText);
        if (config.augment().paraphrase() > 0) {
            // Read now, so a missing file stops the run before any call; its text is part of the run's identity.
            fingerprint.add(ConfigFiles.readRequired(
                    files, HadoopFiles.resolve(dir, config.augment().paraphrases()), "augment.paraphrases"));
        }
        String refs = HadoopFiles.resolve(dir, config.inputs().references());
        if (!files.exists(refs)) {
            throw new ConfigException("Invalid value for 'inputs.references': '"
                    + config.inputs().references() + "' (no such file or folder: " + refs + ")");
        }
        List<EmptyInputs.Empty> empty = EmptyInputs.of(
                config,
                catalog,
                ConfigFiles.isEmpty(files, refs) ? refs : null,
                seeds.isEmpty() ? HadoopFiles.resolve(dir, config.inputs().seeds()) : null);
        return new Launch(
                config, dir, catalog, prompts, seeds, fingerprint.sha256(), empty, simulator, source, ownsSimulator);
    }

    /**
     * For a command that runs stage generate: fails on an empty {@code inputs.references} or {@code inputs.seeds}
     * that a scenario with a quota needs, and returns a warning line for each other empty one. Other commands read
     * neither, so they get nothing.
     */
    List<String> checkInputs(boolean generates) {
        if (!generates) {
            return List.of();
        }
        for (EmptyInputs.Empty empty : emptyInputs) {
            if (empty.neededBy().isPresent()) {
                throw empty.error();
            }
        }
        return emptyInputs.stream().map(EmptyInputs.Empty::warning).toList();
    }

    /**
     * The same config with {@code more} overrides after the command line's, sharing this launch's
     * simulator (which only this launch closes): a refresh's run over its new work.
     */
    public Launch withOverrides(List<String> more) {
        List<String> all = new ArrayList<>(source.overrides());
        all.addAll(more);
        Source derived = new Source(source.text(), all, source.variables());
        return resolve(
                HadoopFiles.beforeSession(),
                configDir,
                ConfigLoader.tree(source.text(), all),
                derived,
                simulator,
                false);
    }

    /**
     * The simulator's flags (those of {@code judgeforge sim-server}) for the config's simulator section:
     * port, seed and latency, then {@code simulator.args}.
     */
    static List<String> simulatorArguments(PipelineConfig.Simulator sim) {
        List<String> arguments = new ArrayList<>(List.of(
                "--port",
                String.valueOf(sim.port()),
                "--seed",
                String.valueOf(sim.seed()),
                "--latency-ms",
                String.valueOf(sim.latencyMs())));
        arguments.addAll(sim.args());
        return arguments;
    }

    /** Starts Spark and returns the context for a run folder: {@code runId}, or a new run when null. */
    public PipelineContext context(
            String out, String runId, boolean startsRun, PipelineContext.Progress progress, ProgressListener listener) {
        SparkSession spark = Sessions.create(config);
        if (listener != null) {
            spark.sparkContext().addSparkListener(listener);
        }
        HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
        String outUri = localToUri(out);
        String id = runId != null ? runId : RunIds.latest(config.run(), files, outUri);
        if (!startsRun && !files.exists(outUri + "/runs/" + id)) {
            throw new ConfigException(
                    "No run '" + id + "' under " + outUri + "/runs (give the --run-id of an existing run)");
        }
        return new PipelineContext(
                spark,
                config,
                configSha256,
                catalog,
                prompts,
                seeds,
                configDir,
                new RunLayout(outUri, id),
                files,
                progress);
    }

    public String newRunId() {
        return RunIds.fresh(config.run());
    }

    public LocalEndpointServer simulator() {
        return simulator;
    }

    /** A local path becomes an absolute file: URI; a URI with a scheme is kept. */
    static String localToUri(String path) {
        if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return path;
        }
        return new File(path).getAbsoluteFile().toURI().toString().replaceAll("/$", "");
    }

    @Override
    public void close() {
        if (simulator != null && ownsSimulator) {
            simulator.close();
        }
    }
}
