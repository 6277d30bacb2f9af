package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.HadoopResponseStore;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.json.Json;
import io.judgeforge.stage.StageReport;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.TeacherClients;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a stage job needs, resolved once on the driver: the bound config (and its hash), the
 * catalog, the prompt templates, the seed instructions, where the run's data lives, and the config
 * file's folder, against which input paths are resolved.
 */
public record PipelineContext(
    SparkSession spark,
    PipelineConfig config,
    String configSha256,
    ScenarioCatalog catalog,
    PromptLibrary prompts,
    List<SeedInstruction> seeds,
    String configDir,
    RunLayout layout,
    HadoopFiles files,
    Progress progress) {

  /** {@code inputs.references}, resolved against the config file's folder. */
  public String referencesPath() {
    return io.judgeforge.jobs.spark.HadoopFiles.resolve(configDir, config.inputs().references());
  }

  /** {@code inputs.instructions} resolved likewise, or null when the run imports none. */
  public String instructionsPath() {
    String path = config.inputs().instructions();
    return path.isBlank() ? null : io.judgeforge.jobs.spark.HadoopFiles.resolve(configDir, path);
  }

  /** The clients of one stage: endpoints with this executor's share of their limits, the store, the budget share. */
  public TeacherClients clients(String stage) {
    ResponseStore.Factory store = config.store().enabled()
        ? HadoopResponseStore.factory(storePath(), spark.sparkContext().hadoopConfiguration())
        : ResponseStore.Factory.NONE;
    int executors = executors();
    java.util.Map<String, io.judgeforge.config.PipelineConfig.Endpoint> shares = new java.util.HashMap<>();
    config.endpoints().forEach((name, endpoint) -> shares.put(name, endpoint.perExecutor(executors)));
    return new TeacherClients(shares, store, spending(stage, executors),
        io.judgeforge.teacher.ApiKeys.read(config, System::getenv));
  }

  /**
   * The prices, and each executor's share of what the budget leaves after the stages before
   * {@code stage} (from their committed reports). The ledger is new for each stage run.
   */
  Spending spending(String stage, int executors) {
    String ledger = layout.runId() + "/" + stage + "/" + java.util.UUID.randomUUID();
    PipelineConfig.Budget budget = config.budget();
    if (!budget.limited()) {
      return Spending.withBudget(config, ledger, 0, 0);
    }
    double spentUsd = 0;
    long spentTokens = 0;
    for (Pipeline.Stage s : Pipeline.STAGES) {
      if (s.name().equals(stage)) {
        break;
      }
      if (files.exists(layout.report(s.name()))) {
        StageReport r = Json.read(files.readText(layout.report(s.name())), StageReport.class);
        spentUsd += r.costUsd();
        spentTokens += r.promptTokens() + r.completionTokens();
      }
    }
    // A negative share means nothing is left: no call may start.
    double usd = budget.maxUsd() == 0 ? 0 : share(budget.maxUsd() - spentUsd, executors);
    long tokens = budget.maxTokens() == 0 ? 0 : (long) share(budget.maxTokens() - spentTokens, executors);
    return Spending.withBudget(config, ledger, usd, tokens);
  }

  private static double share(double remaining, int executors) {
    return remaining <= 0 ? -1 : Math.max(remaining / executors, Double.MIN_VALUE);
  }

  /**
   * How many JVMs share each endpoint's cluster-wide RPM and TPM: 1 in local mode; else
   * spark.executor.instances, or with dynamic allocation its maxExecutors. Dividing by the most
   * executors there can be keeps the cluster under its limits even when all of them run.
   */
  public int executors() {
    var conf = spark.sparkContext().getConf();
    if (spark.sparkContext().isLocal()) {
      return 1;
    }
    if (conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      int max = conf.getInt("spark.dynamicAllocation.maxExecutors", Integer.MAX_VALUE);
      if (max < Integer.MAX_VALUE) {
        return Math.max(1, max);
      }
    }
    return Math.max(1, conf.getInt("spark.executor.instances", 1));
  }

  /** The response store's folder: {@code store.path}, or {@code OUT/store}. */
  public String storePath() {
    return config.store().path().isEmpty() ? layout.out() + "/store" : config.store().path();
  }

  public ModelCall teacher(double temperature, int maxTokens) {
    return new ModelCall(config.teacher().endpoint(), config.teacher().model(), temperature, maxTokens);
  }

  public int inFlight(String endpoint) {
    return config.endpoint(endpoint).maxInFlight();
  }

  public int partitions() {
    return config.spark().partitions();
  }

  /** Where a job reports what it is doing; the CLI prints it, tests may collect it. */
  @FunctionalInterface
  public interface Progress {
    void say(String line);
  }
}
