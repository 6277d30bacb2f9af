package io.judgeforge.jobs.stage;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.jobs.spark.HadoopResponseStore;
import io.judgeforge.jobs.spark.RunLayout;
import io.judgeforge.json.Json;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.StageReport;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.TeacherClients;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.store.ResponseStore;
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
        return io.judgeforge.jobs.spark.HadoopFiles.resolve(
                configDir, config.inputs().references());
    }

    /** {@code inputs.instructions} resolved likewise, or null when the run imports none. */
    public String instructionsPath() {
        String path = config.inputs().instructions();
        return path.isBlank() ? null : io.judgeforge.jobs.spark.HadoopFiles.resolve(configDir, path);
    }

    /** The clients of one stage: the endpoints, the store, and the budget, with the application's shared limits. */
    public TeacherClients clients(String stage) {
        ResponseStore.Factory store = config.store().enabled()
                ? HadoopResponseStore.factory(
                        storePath(),
                        spark.sparkContext().hadoopConfiguration(),
                        config.store().claimLeaseMs())
                : ResponseStore.Factory.NONE;
        TeacherClients clients = new TeacherClients(
                config.endpoints(), store, spending(stage), io.judgeforge.teacher.ApiKeys.read(config, System::getenv));
        if (!config.batch().covers(stage)) {
            return clients;
        }
        if (!config.store().enabled()) {
            throw new io.judgeforge.config.ConfigException("batch.stages names " + stage
                    + ", but store.enabled is false: batch answers reach the items through the response store");
        }
        return clients.inBatches(config.batch(), line -> progress.say("[" + stage + "] " + line));
    }

    /**
     * The prices, and what the budget leaves after the stages before {@code stage} (from their
     * committed reports), booked in a ledger new for each stage run and held with the application's
     * shared limits, so every executor spends from the one account.
     */
    Spending spending(String stage) {
        String ledger = layout.runId() + "/" + stage + "/" + java.util.UUID.randomUUID();
        io.judgeforge.teacher.limit.SharedLimits limits = io.judgeforge.jobs.spark.DriverLimits.of(
                spark, config.spark().sharedLimits(), config.spark().sharedLimitsPort(), progress::say);
        PipelineConfig.Budget budget = config.budget();
        if (!budget.limited()) {
            return Spending.withBudget(config, ledger, 0, 0, limits);
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
        // A negative limit means nothing is left: no call may start.
        double usd = budget.maxUsd() == 0 ? 0 : left(budget.maxUsd() - spentUsd);
        long tokens = budget.maxTokens() == 0 ? 0 : (long) left(budget.maxTokens() - spentTokens);
        return Spending.withBudget(config, ledger, usd, tokens, limits);
    }

    private static double left(double remaining) {
        return remaining <= 0 ? -1 : Math.max(remaining, Double.MIN_VALUE);
    }

    /** The response store's folder: {@code store.path}, or {@code OUT/store}. */
    public String storePath() {
        return config.store().path().isEmpty()
                ? layout.out() + "/store"
                : config.store().path();
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
