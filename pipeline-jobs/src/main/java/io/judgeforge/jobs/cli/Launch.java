package io.judgeforge.jobs.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.config.ConfigException;
import io.judgeforge.config.ConfigLoader;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.hash.Sha256;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.ProgressListener;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.jobs.spark.Sessions;
import io.judgeforge.jobs.stage.PipelineContext;
import io.judgeforge.json.Json;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.teacher.LocalEndpointServers;
import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.File;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileStatus;
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
  private final LocalEndpointServer simulator;

  private Launch(PipelineConfig config, String configDir, ScenarioCatalog catalog, PromptLibrary prompts,
      List<SeedInstruction> seeds, String configSha256, LocalEndpointServer simulator) {
    this.config = config;
    this.configDir = configDir;
    this.catalog = catalog;
    this.prompts = prompts;
    this.seeds = seeds;
    this.configSha256 = configSha256;
    this.simulator = simulator;
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
    String yaml = files.readText(confUri);
    ObjectNode tree = ConfigLoader.tree(yaml, overrides);
    PipelineConfig.Simulator sim = ConfigLoader.section(tree, "simulator", PipelineConfig.Simulator.class);
    LocalEndpointServer simulator = null;
    Map<String, String> variables = new HashMap<>();
    if (sim.start() && !serve) {
      variables.put(SIMULATOR_URL, "http://127.0.0.1:0/v1");
    } else if (sim.start()) {
      simulator = LocalEndpointServers.startSimulator("simulator.start is true",
          "or point the endpoint at a running server", simulatorArguments(sim));
      variables.put(SIMULATOR_URL, simulator.baseUrl());
    }
    try {
      PipelineConfig config = ConfigLoader.bind(tree, variables);
      checkApiKeys(config);
      String dir = new org.apache.hadoop.fs.Path(confUri).getParent().toString();
      String catalogPath = HadoopFiles.resolve(dir, config.catalog());
      String catalogYaml = readRequired(files, catalogPath, "catalog");
      ScenarioCatalog catalog = ScenarioCatalog.parse(catalogYaml, config.catalog());
      for (String scenario : config.generate().quotas().keySet()) {
        if (catalog.find(scenario).isEmpty()) {
          throw new ConfigException("Unknown config key 'generate.quotas." + scenario + "' (not a scenario of the catalog: "
              + catalog.scenarios().stream().map(s -> s.id()).toList() + ")");
        }
      }
      java.util.Set<String> named = new java.util.TreeSet<>(config.select().scenarioWeights().keySet());
      config.select().clusters().values().forEach(named::addAll);
      for (String scenario : named) {
        if (catalog.find(scenario).isEmpty()) {
          throw new ConfigException("Invalid scenario '" + scenario + "' in select.scenario-weights or select.clusters"
              + " (the catalog has " + catalog.scenarios().stream().map(s -> s.id()).toList() + ")");
        }
      }
      for (String scenario : config.judge().referenceScenarios()) {
        if (catalog.find(scenario).isEmpty()) {
          throw new ConfigException("Invalid value in 'judge.reference-scenarios': '" + scenario
              + "' is not a scenario of the catalog " + catalog.scenarios().stream().map(s -> s.id()).toList());
        }
      }
      String referenceModel = config.judge().referenceModel();
      if (!referenceModel.isEmpty() && config.respond().pool().stream().noneMatch(m -> m.name().equals(referenceModel))) {
        throw new ConfigException("Invalid value for 'judge.reference-model': '" + referenceModel + "' is not a name in"
            + " respond.pool " + config.respond().pool().stream().map(m -> m.name()).toList());
      }
      for (String scenario : config.generate().referenceOverlapExempt()) {
        if (catalog.find(scenario).isEmpty()) {
          throw new ConfigException("Invalid value in 'generate.reference-overlap-exempt': '" + scenario
              + "' is not a scenario of the catalog " + catalog.scenarios().stream().map(s -> s.id()).toList());
        }
      }
      for (String scenario : config.generate().quizByScenario().keySet()) {
        if (catalog.find(scenario).filter(s -> s.method() == io.judgeforge.scenario.GenerationMethod.QUIZ).isEmpty()) {
          throw new ConfigException("Unknown config key 'generate.quiz-by-scenario." + scenario
              + "' (not a role-playing-quiz scenario of the catalog: " + catalog.scenarios().stream()
              .filter(s -> s.method() == io.judgeforge.scenario.GenerationMethod.QUIZ).map(s -> s.id()).toList() + ")");
        }
      }
      String promptsDir = HadoopFiles.resolve(dir, config.prompts());
      Map<String, PromptTemplate> templates = new HashMap<>();
      StringBuilder fingerprint = new StringBuilder(canonical(tree)).append('\n').append(catalogYaml);
      for (String name : PromptLibrary.REQUIRED.keySet().stream().sorted().toList()) {
        String text = readRequired(files, promptsDir + "/" + name + ".txt", "prompts");
        templates.put(name, PromptTemplate.of(name, text));
        fingerprint.append('\n').append(templates.get(name).version());
      }
      PromptLibrary prompts = new PromptLibrary(templates);
      String seedsPath = HadoopFiles.resolve(dir, config.inputs().seeds());
      String seedsText = readRequired(files, seedsPath, "inputs.seeds");
      List<SeedInstruction> seeds = parseSeeds(seedsText, config.inputs().seeds(), catalog);
      fingerprint.append('\n').append(seedsText);
      if (config.augment().paraphrase() > 0) {
        // Read now, so a missing file stops the run before any call; its text is part of the run's identity.
        fingerprint.append('\n').append(readRequired(files, HadoopFiles.resolve(dir, config.augment().paraphrases()),
            "augment.paraphrases"));
      }
      String refs = HadoopFiles.resolve(dir, config.inputs().references());
      if (!files.exists(refs)) {
        throw new ConfigException("Invalid value for 'inputs.references': '" + config.inputs().references()
            + "' (no such file or folder: " + refs + ")");
      }
      return new Launch(config, dir, catalog, prompts, seeds, Sha256.hex(fingerprint.toString()), simulator);
    } catch (RuntimeException e) {
      if (simulator != null) {
        simulator.close();
      }
      throw e;
    }
  }

  /**
   * The simulator's flags (those of {@code judgeforge sim-server}) for the config's simulator section:
   * port, seed and latency, then {@code simulator.args}.
   */
  static List<String> simulatorArguments(PipelineConfig.Simulator sim) {
    List<String> arguments = new ArrayList<>(List.of("--port", String.valueOf(sim.port()), "--seed",
        String.valueOf(sim.seed()), "--latency-ms", String.valueOf(sim.latencyMs())));
    arguments.addAll(sim.args());
    return arguments;
  }

  // Every named key variable must be set before Spark starts: found on an executor, a missing key
  // would only fail every call.
  private static void checkApiKeys(PipelineConfig config) {
    config.endpoints().forEach((name, endpoint) -> {
      String variable = endpoint.apiKeyEnv();
      if (!variable.isEmpty() && (System.getenv(variable) == null || System.getenv(variable).isBlank())) {
        throw new ConfigException("The environment variable '" + variable + "' named by 'endpoints." + name
            + ".api-key-env' is not set");
      }
    });
  }

  /**
   * The config's canonical text, with keys sorted, before ${...} references are replaced: the
   * simulator's port, new on every run, does not change the hash of an unchanged config.
   */
  private static String canonical(ObjectNode tree) {
    try {
      Object plain = Json.mapper().convertValue(tree, Object.class);
      return Json.mapper().copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(plain);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readRequired(HadoopFiles files, String path, String key) {
    if (!files.exists(path)) {
      throw new ConfigException("Invalid value for '" + key + "': no such file " + path);
    }
    return files.readText(path);
  }

  private static List<SeedInstruction> parseSeeds(String text, String source, ScenarioCatalog catalog) {
    List<SeedInstruction> seeds = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      SeedInstruction seed;
      try {
        seed = Json.read(lines[i], SeedInstruction.class);
      } catch (RuntimeException e) {
        throw new ConfigException("Cannot read seed instruction at " + source + ":" + (i + 1) + ": " + e.getMessage());
      }
      if (seed.id() == null || seed.text() == null || seed.text().isBlank() || catalog.find(seed.scenario()).isEmpty()) {
        throw new ConfigException("Invalid seed instruction at " + source + ":" + (i + 1)
            + " (needs id, text and a scenario of the catalog)");
      }
      seeds.add(seed);
    }
    return seeds;
  }

  /** Starts Spark and returns the context for a run folder: {@code runId}, or a new run when null. */
  public PipelineContext context(String out, String runId, boolean startsRun, PipelineContext.Progress progress,
      ProgressListener listener) {
    SparkSession spark = Sessions.create(config);
    if (listener != null) {
      spark.sparkContext().addSparkListener(listener);
    }
    HadoopFiles files = new HadoopFiles(spark.sparkContext().hadoopConfiguration());
    String outUri = localToUri(out);
    String id = runId != null ? runId : latestRun(files, outUri);
    if (!startsRun && !files.exists(outUri + "/runs/" + id)) {
      throw new ConfigException("No run '" + id + "' under " + outUri + "/runs (give the --run-id of an existing run)");
    }
    return new PipelineContext(spark, config, configSha256, catalog, prompts, seeds, configDir,
        new RunLayout(outUri, id), files, progress);
  }

  public String newRunId() {
    if (!config.run().id().isEmpty()) {
      return config.run().id();
    }
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  private String latestRun(HadoopFiles files, String out) {
    if (!config.run().id().isEmpty()) {
      return config.run().id();
    }
    String runs = out + "/runs";
    if (!files.exists(runs)) {
      throw new ConfigException("No run under " + runs + ": start one with 'judgeforge generate' or 'run', or give --run-id");
    }
    // The newest run is the one whose folder changed last, whatever its name.
    List<FileStatus> found = files.list(runs).stream().filter(FileStatus::isDirectory)
        .sorted(java.util.Comparator.comparingLong(FileStatus::getModificationTime)).toList();
    if (found.isEmpty()) {
      throw new ConfigException("No run under " + runs + ": start one with 'judgeforge generate' or 'run', or give --run-id");
    }
    return found.get(found.size() - 1).getPath().getName();
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
    if (simulator != null) {
      simulator.close();
    }
  }
}
