package io.judgeforge.config;

import static io.judgeforge.config.ConfigException.check;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One run's configuration, bound from {@code conf/defaults.yaml}, the run's YAML file and the
 * {@code --set} overrides (in that order). The meaning and default of every key is documented in
 * {@code conf/defaults.yaml}, where the key is defined; the records here only bind and check.
 *
 * <p>Resolved once on the driver; the immutable value is what travels to Spark executors.
 */
public record PipelineConfig(
        Run run,
        SparkSettings spark,
        ProgressSettings progress,
        Simulator simulator,
        String catalog,
        String prompts,
        Inputs inputs,
        Map<String, Endpoint> endpoints,
        Store store,
        Map<String, Price> prices,
        Budget budget,
        Batch batch,
        Teacher teacher,
        Generate generate,
        Classify classify,
        Respond respond,
        Judge judge,
        Score score,
        Select select,
        Augment augment,
        Export export,
        Refresh refresh)
        implements Serializable {

    public PipelineConfig {
        check(endpoints != null, "endpoints", null, "a mapping of named endpoints");
        endpoints = Map.copyOf(endpoints);
        check(prices != null, "prices", null, "a mapping of model name to {input, output}");
        prices = Map.copyOf(prices);
        checkEndpoint("teacher.endpoint", teacher.endpoint(), endpoints);
        checkEndpoint("score.endpoint", score.endpoint(), endpoints);
        for (int i = 0; i < respond.pool().size(); i++) {
            checkEndpoint(
                    "respond.pool[" + i + "].endpoint", respond.pool().get(i).endpoint(), endpoints);
        }
    }

    // OpenAI-compatible APIs accept 0 to 2.
    static void checkTemperature(String key, double temperature) {
        check(temperature >= 0 && temperature <= 2, key, temperature, "a number from 0 to 2");
    }

    private static void checkEndpoint(String key, String name, Map<String, Endpoint> endpoints) {
        check(endpoints.containsKey(name), key, name, "one of the configured endpoints " + endpoints.keySet());
    }

    public Endpoint endpoint(String name) {
        return endpoints.get(name);
    }

    public record Run(String name, String id, long seed, double maxQuarantinedShare) implements Serializable {
        public Run {
            check(id.matches("[A-Za-z0-9._-]*"), "run.id", id, "letters, digits, '.', '_' or '-'");
            check(
                    maxQuarantinedShare >= 0 && maxQuarantinedShare <= 1,
                    "run.max-quarantined-share",
                    maxQuarantinedShare,
                    "a number in [0, 1]");
        }
    }

    public record SparkSettings(
            String master, int partitions, int shufflePartitions, String sharedLimits, int sharedLimitsPort)
            implements Serializable {
        public SparkSettings {
            check(partitions >= 1, "spark.partitions", partitions, "an integer >= 1");
            check(shufflePartitions >= 1, "spark.shuffle-partitions", shufflePartitions, "an integer >= 1");
            check(
                    sharedLimits.equals("auto") || sharedLimits.equals("driver"),
                    "spark.shared-limits",
                    sharedLimits,
                    "auto or driver");
            check(
                    sharedLimitsPort >= 0 && sharedLimitsPort <= 65535,
                    "spark.shared-limits-port",
                    sharedLimitsPort,
                    "a port number, or 0 for any free port");
        }
    }

    /** @param args more of the simulator's flags (those of {@code judgeforge sim-server}), e.g. {@code [--realism]} */
    public record Simulator(boolean start, int port, long seed, int latencyMs, java.util.List<String> args)
            implements Serializable {
        public Simulator {
            check(port >= 0 && port <= 65535, "simulator.port", port, "0 to 65535");
            check(latencyMs >= 0, "simulator.latency-ms", latencyMs, "an integer >= 0");
            args = args == null ? java.util.List.of() : java.util.List.copyOf(args);
        }
    }

    public record Inputs(
            String references,
            String referencesFormat,
            int chunkChars,
            int chunkOverlapChars,
            int maxChunksPerDocument,
            String seeds,
            String instructions,
            String instructionsFormat)
            implements Serializable {
        public Inputs {
            check(instructions != null, "inputs.instructions", null, "a path, or \"\" for none");
            check(
                    java.util.List.of("auto", "jsonl", "parquet", "csv").contains(instructionsFormat),
                    "inputs.instructions-format",
                    instructionsFormat,
                    "one of auto, jsonl, parquet, csv");
            check(!references.isBlank(), "inputs.references", references, "a path");
            check(
                    java.util.List.of("auto", "jsonl", "parquet", "csv", "text").contains(referencesFormat),
                    "inputs.references-format",
                    referencesFormat,
                    "one of auto, jsonl, parquet, csv, text");
            check(chunkChars >= 100, "inputs.chunk-chars", chunkChars, "an integer >= 100");
            check(
                    chunkOverlapChars >= 0 && chunkOverlapChars < chunkChars / 2,
                    "inputs.chunk-overlap-chars",
                    chunkOverlapChars,
                    "an integer from 0 to below half of inputs.chunk-chars");
            check(maxChunksPerDocument >= 1, "inputs.max-chunks-per-document", maxChunksPerDocument, "an integer >= 1");
            check(!seeds.isBlank(), "inputs.seeds", seeds, "a path");
        }
    }

    /**
     * One named OpenAI-compatible endpoint. The wire settings ({@code urlStyle} to {@code sendTemperature})
     * say how this provider wants its requests: where the key goes, extra headers and query
     * parameters, Azure's deployment URLs, and the parameters reasoning models need.
     */
    public record Endpoint(
            String baseUrl,
            String apiKeyEnv,
            int timeoutMs,
            int maxInFlight,
            int maxAttempts,
            double rpm,
            double tpm,
            int breakerWindow,
            double breakerFailureShare,
            long breakerMinMs,
            String urlStyle,
            String apiKeyHeader,
            Map<String, String> headers,
            Map<String, String> query,
            String maxTokensParam,
            boolean sendTemperature,
            long maxWaitMs,
            int fatalIdenticalErrors,
            String recoverInFlight)
            implements Serializable {
        public static final String URL_OPENAI = "openai";
        public static final String RECOVER_NONE = "none";
        public static final String RECOVER_STORED_COMPLETIONS = "stored-completions";
        public static final String URL_AZURE = "azure";
        public static final String MAX_TOKENS = "max_tokens";
        public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";

        public Endpoint(String baseUrl, String apiKeyEnv, int timeoutMs, int maxInFlight, int maxAttempts) {
            this(baseUrl, apiKeyEnv, timeoutMs, maxInFlight, maxAttempts, 0, 0);
        }

        public Endpoint(
                String baseUrl,
                String apiKeyEnv,
                int timeoutMs,
                int maxInFlight,
                int maxAttempts,
                double rpm,
                double tpm) {
            this(baseUrl, apiKeyEnv, timeoutMs, maxInFlight, maxAttempts, rpm, tpm, 50, 0.9, 60_000);
        }

        public Endpoint(
                String baseUrl,
                String apiKeyEnv,
                int timeoutMs,
                int maxInFlight,
                int maxAttempts,
                double rpm,
                double tpm,
                int breakerWindow,
                double breakerFailureShare,
                long breakerMinMs) {
            this(
                    baseUrl,
                    apiKeyEnv,
                    timeoutMs,
                    maxInFlight,
                    maxAttempts,
                    rpm,
                    tpm,
                    breakerWindow,
                    breakerFailureShare,
                    breakerMinMs,
                    URL_OPENAI,
                    "authorization",
                    Map.of(),
                    Map.of(),
                    MAX_TOKENS,
                    true,
                    60_000,
                    5,
                    RECOVER_NONE);
        }

        /** This endpoint with other wire settings (for tests and for tools that build endpoints in code). */
        public Endpoint withWire(
                String urlStyle,
                String apiKeyHeader,
                Map<String, String> headers,
                Map<String, String> query,
                String maxTokensParam,
                boolean sendTemperature) {
            return new Endpoint(
                    baseUrl,
                    apiKeyEnv,
                    timeoutMs,
                    maxInFlight,
                    maxAttempts,
                    rpm,
                    tpm,
                    breakerWindow,
                    breakerFailureShare,
                    breakerMinMs,
                    urlStyle,
                    apiKeyHeader,
                    headers,
                    query,
                    maxTokensParam,
                    sendTemperature,
                    maxWaitMs,
                    fatalIdenticalErrors,
                    recoverInFlight);
        }

        /** This endpoint with {@code recover-in-flight} set to {@code mode}. */
        public Endpoint withRecoverInFlight(String mode) {
            return new Endpoint(
                    baseUrl,
                    apiKeyEnv,
                    timeoutMs,
                    maxInFlight,
                    maxAttempts,
                    rpm,
                    tpm,
                    breakerWindow,
                    breakerFailureShare,
                    breakerMinMs,
                    urlStyle,
                    apiKeyHeader,
                    headers,
                    query,
                    maxTokensParam,
                    sendTemperature,
                    maxWaitMs,
                    fatalIdenticalErrors,
                    mode);
        }

        public Endpoint withBaseUrl(String url) {
            return new Endpoint(
                    url,
                    apiKeyEnv,
                    timeoutMs,
                    maxInFlight,
                    maxAttempts,
                    rpm,
                    tpm,
                    breakerWindow,
                    breakerFailureShare,
                    breakerMinMs,
                    urlStyle,
                    apiKeyHeader,
                    headers,
                    query,
                    maxTokensParam,
                    sendTemperature,
                    maxWaitMs,
                    fatalIdenticalErrors,
                    recoverInFlight);
        }

        public Endpoint {
            check(baseUrl != null && baseUrl.matches("https?://.+"), "endpoints.*.base-url", baseUrl, "an http(s) URL");
            if (!apiKeyEnv.isEmpty() && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                // The value is not echoed: what was put here by mistake may be the key itself.
                throw new ConfigException(
                        "Invalid value for 'endpoints.*.api-key-env' (expected the NAME of an environment"
                                + " variable such as OPENAI_API_KEY; the value is not shown, in case it is a key)");
            }
            check(timeoutMs > 0, "endpoints.*.timeout-ms", timeoutMs, "an integer > 0");
            check(maxInFlight >= 1, "endpoints.*.max-in-flight", maxInFlight, "an integer >= 1");
            check(maxAttempts >= 1, "endpoints.*.max-attempts", maxAttempts, "an integer >= 1");
            check(rpm >= 0, "endpoints.*.rpm", rpm, "a number >= 0 (0 = no limit)");
            check(tpm >= 0, "endpoints.*.tpm", tpm, "a number >= 0 (0 = no limit)");
            check(breakerWindow >= 1, "endpoints.*.breaker-window", breakerWindow, "an integer >= 1");
            check(
                    breakerFailureShare > 0 && breakerFailureShare <= 1,
                    "endpoints.*.breaker-failure-share",
                    breakerFailureShare,
                    "a number in (0, 1]");
            check(breakerMinMs >= 0, "endpoints.*.breaker-min-ms", breakerMinMs, "an integer >= 0");
            check(
                    URL_OPENAI.equals(urlStyle) || URL_AZURE.equals(urlStyle),
                    "endpoints.*.url-style",
                    urlStyle,
                    "openai | azure");
            check(
                    apiKeyHeader != null && apiKeyHeader.matches("[A-Za-z0-9-]+"),
                    "endpoints.*.api-key-header",
                    apiKeyHeader,
                    "an HTTP header name, such as authorization or api-key");
            check(headers != null, "endpoints.*.headers", null, "a mapping of header name to value");
            check(query != null, "endpoints.*.query", null, "a mapping of query parameter to value");
            headers = Map.copyOf(headers);
            query = Map.copyOf(query);
            for (String name : headers.keySet()) {
                boolean keyHeader = name.equalsIgnoreCase(apiKeyHeader)
                        || name.equalsIgnoreCase("authorization")
                        || name.equalsIgnoreCase("api-key");
                check(
                        name.matches("[A-Za-z0-9-]+") && !keyHeader,
                        "endpoints.*.headers",
                        name,
                        "header names other than authorization, api-key and the api-key-header (keys come only from api-key-env)");
            }
            check(
                    MAX_TOKENS.equals(maxTokensParam) || MAX_COMPLETION_TOKENS.equals(maxTokensParam),
                    "endpoints.*.max-tokens-param",
                    maxTokensParam,
                    "max_tokens | max_completion_tokens");
            check(maxWaitMs >= 0, "endpoints.*.max-wait-ms", maxWaitMs, "an integer >= 0");
            check(
                    fatalIdenticalErrors >= 0,
                    "endpoints.*.fatal-identical-errors",
                    fatalIdenticalErrors,
                    "an integer >= 0");
            check(
                    RECOVER_NONE.equals(recoverInFlight) || RECOVER_STORED_COMPLETIONS.equals(recoverInFlight),
                    "endpoints.*.recover-in-flight",
                    recoverInFlight,
                    "none | stored-completions");
            check(
                    !(RECOVER_STORED_COMPLETIONS.equals(recoverInFlight) && URL_AZURE.equals(urlStyle)),
                    "endpoints.*.recover-in-flight",
                    recoverInFlight,
                    "none with url-style azure (stored completions are read on" + " OpenAI's URL shape only)");
        }
    }

    /** The live progress line: how often it is drawn, and as what ({@code io.judgeforge.progress.ProgressStyle}). */
    public record ProgressSettings(long intervalMs, String style) implements Serializable {
        public ProgressSettings {
            // YAML 1.1 reads a bare `off` as the boolean false, which reaches here as "false".
            style = "false".equals(style) ? "off" : style;
            check(intervalMs >= 100, "progress.interval-ms", intervalMs, "an integer >= 100");
            check(
                    List.of("auto", "bar", "plain", "off").contains(style),
                    "progress.style",
                    style,
                    "auto, bar, plain or off");
        }
    }

    public record Store(boolean enabled, String path, long claimLeaseMs) implements Serializable {
        public Store {
            check(claimLeaseMs >= 1_000, "store.claim-lease-ms", claimLeaseMs, "an integer >= 1000");
        }
    }

    /**
     * USD per million input (prompt) and output (completion) tokens; {@code cachedInput} prices the
     * prompt tokens a provider served from its prompt cache ({@code usage.prompt_tokens_details.cached_tokens}),
     * NaN where the config gives none (they are then priced as input).
     */
    /**
     * USD per million input (prompt) and output (completion) tokens; {@code cachedInput} prices the
     * prompt tokens a provider served from its prompt cache ({@code usage.prompt_tokens_details.cached_tokens}),
     * NaN where the config gives none (they are then priced as input). {@code batchInput} and
     * {@code batchOutput} are the provider's batch API prices, NaN where the config gives none (then
     * {@code batch.discount} of the online price).
     */
    public record Price(double input, double output, double cachedInput, double batchInput, double batchOutput)
            implements Serializable {
        public Price(double input, double output) {
            this(input, output, Double.NaN);
        }

        public Price(double input, double output, double cachedInput) {
            this(input, output, cachedInput, Double.NaN, Double.NaN);
        }

        public Price {
            check(input >= 0 && output >= 0, "prices.*", input + "/" + output, "input and output prices >= 0");
            check(Double.isNaN(cachedInput) || cachedInput >= 0, "prices.*.cached-input", cachedInput, "a price >= 0");
            check(Double.isNaN(batchInput) || batchInput >= 0, "prices.*.batch-input", batchInput, "a price >= 0");
            check(Double.isNaN(batchOutput) || batchOutput >= 0, "prices.*.batch-output", batchOutput, "a price >= 0");
            check(
                    Double.isNaN(batchInput) == Double.isNaN(batchOutput),
                    "prices.*",
                    batchInput + "/" + batchOutput,
                    "batch-input and batch-output together, or neither");
        }

        /** Binds {input, output, cached-input?, batch-input?, batch-output?}. */
        @com.fasterxml.jackson.annotation.JsonCreator(
                mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static Price fromMap(Map<String, Double> fields) {
            for (String key : fields.keySet()) {
                check(
                        java.util.Set.of("input", "output", "cached-input", "batch-input", "batch-output")
                                .contains(key),
                        "prices.*." + key,
                        key,
                        "one of input, output, cached-input, batch-input, batch-output");
            }
            check(
                    fields.get("input") != null && fields.get("output") != null,
                    "prices.*",
                    fields,
                    "{input: N, output: N}");
            return new Price(
                    fields.get("input"),
                    fields.get("output"),
                    orNaN(fields.get("cached-input")),
                    orNaN(fields.get("batch-input")),
                    orNaN(fields.get("batch-output")));
        }

        private static double orNaN(Double value) {
            return value == null ? Double.NaN : value;
        }
    }

    /**
     * Provider batch APIs (OpenAI's {@code /v1/files} and {@code /v1/batches}) for the teacher calls
     * of {@code stages}: their requests go out as batch jobs, polled every {@code pollMs}, and what
     * comes back fills the response store. Failed or expired requests are sent again up to
     * {@code maxResubmits} times; items that need further calls get up to {@code maxPasses} rounds of
     * batches; what is still unanswered then is called online or quarantined ({@code onUnanswered}).
     * {@code discount} is the share of the online price a batch costs, where a model's price gives no
     * batch prices of its own.
     */
    public record Batch(
            List<String> stages,
            long pollMs,
            String completionWindow,
            int maxResubmits,
            int maxPasses,
            double discount,
            String onUnanswered,
            int maxRequestsPerFile,
            long maxFileBytes)
            implements Serializable {
        public static final List<String> BATCH_STAGES = List.of("generate", "classify", "respond", "judge", "score");
        public static final String ONLINE = "online";
        public static final String QUARANTINE = "quarantine";

        public Batch {
            check(stages != null, "batch.stages", null, "a list of stages");
            stages = List.copyOf(stages);
            for (String stage : stages) {
                check(BATCH_STAGES.contains(stage), "batch.stages", stage, "stages among " + BATCH_STAGES);
            }
            check(pollMs >= 1, "batch.poll-ms", pollMs, "an integer >= 1");
            check("24h".equals(completionWindow), "batch.completion-window", completionWindow, "24h (OpenAI's only)");
            check(maxResubmits >= 0, "batch.max-resubmits", maxResubmits, "an integer >= 0");
            check(maxPasses >= 1, "batch.max-passes", maxPasses, "an integer >= 1");
            check(discount >= 0 && discount <= 1, "batch.discount", discount, "a share from 0 to 1");
            check(
                    ONLINE.equals(onUnanswered) || QUARANTINE.equals(onUnanswered),
                    "batch.on-unanswered",
                    onUnanswered,
                    "online | quarantine");
            check(
                    maxRequestsPerFile >= 1 && maxRequestsPerFile <= 50_000,
                    "batch.max-requests-per-file",
                    maxRequestsPerFile,
                    "1 to 50000 (OpenAI's limit)");
            check(
                    maxFileBytes >= 1_024 && maxFileBytes <= 200L * 1024 * 1024,
                    "batch.max-file-bytes",
                    maxFileBytes,
                    "1024 to 209715200 (OpenAI's 200 MB)");
        }

        public boolean covers(String stage) {
            return stages.contains(stage);
        }
    }

    public record Budget(double maxUsd, long maxTokens) implements Serializable {
        public Budget {
            check(maxUsd >= 0, "budget.max-usd", maxUsd, "a number >= 0 (0 = no limit)");
            check(maxTokens >= 0, "budget.max-tokens", maxTokens, "an integer >= 0 (0 = no limit)");
        }

        public boolean limited() {
            return maxUsd > 0 || maxTokens > 0;
        }
    }

    public record Teacher(String endpoint, String model, double temperature, int maxTokens) implements Serializable {
        public Teacher {
            check(!model.isBlank(), "teacher.model", model, "a model name");
            checkTemperature("teacher.temperature", temperature);
            check(maxTokens >= 1, "teacher.max-tokens", maxTokens, "an integer >= 1");
        }
    }

    public record Generate(
            int perCall,
            int seedExamples,
            int quota,
            Map<String, Integer> quotas,
            int minWords,
            int maxWords,
            double nearDuplicateJaccard,
            int shingleWords,
            int maxRounds,
            Quiz quiz,
            Map<String, Quiz> quizByScenario,
            String previousRun,
            double maxReferenceOverlap,
            List<String> referenceOverlapExempt)
            implements Serializable {
        public Generate {
            check(previousRun != null, "generate.previous-run", null, "a run id or folder, or \"\" for none");
            check(
                    maxReferenceOverlap > 0 && maxReferenceOverlap <= 1,
                    "generate.max-reference-overlap",
                    maxReferenceOverlap,
                    "a number in (0, 1]; 1 turns the check off");
            check(referenceOverlapExempt != null, "generate.reference-overlap-exempt", null, "a list of scenario ids");
            referenceOverlapExempt = List.copyOf(referenceOverlapExempt);
            check(
                    quizByScenario != null,
                    "generate.quiz-by-scenario",
                    null,
                    "a mapping of scenario id to attribute lists");
            quizByScenario = Map.copyOf(quizByScenario);
            check(quotas != null, "generate.quotas", null, "a mapping of scenario id to count");
            quotas = Map.copyOf(quotas);
            check(perCall >= 1 && perCall <= 50, "generate.per-call", perCall, "1 to 50");
            check(seedExamples >= 0, "generate.seed-examples", seedExamples, "an integer >= 0");
            check(quota >= 0, "generate.quota", quota, "an integer >= 0");
            quotas.forEach((k, v) -> check(v >= 0, "generate.quotas." + k, v, "an integer >= 0"));
            check(minWords >= 1, "generate.min-words", minWords, "an integer >= 1");
            check(maxWords >= minWords, "generate.max-words", maxWords, "an integer >= generate.min-words");
            check(
                    nearDuplicateJaccard >= 0 && nearDuplicateJaccard < 1,
                    "generate.near-duplicate-jaccard",
                    nearDuplicateJaccard,
                    "a number in [0, 1); 0 turns the check off");
            check(maxRounds >= 1 && maxRounds <= 20, "generate.max-rounds", maxRounds, "1 to 20");
            check(
                    shingleWords >= 1 && shingleWords <= minWords,
                    "generate.shingle-words",
                    shingleWords,
                    "an integer from 1 to generate.min-words");
        }

        public int quotaFor(String scenarioId) {
            return quotas.getOrDefault(scenarioId, quota);
        }

        /** The quiz attribute lists of a scenario: its own, else the shared {@code generate.quiz}. */
        public Quiz quizFor(String scenarioId) {
            return quizByScenario.getOrDefault(scenarioId, quiz);
        }
    }

    public record Quiz(
            List<String> difficulty, List<String> audience, List<String> subject, List<String> topic, List<String> task)
            implements Serializable {
        public Quiz {
            difficulty = nonEmpty("generate.quiz.difficulty", difficulty);
            audience = nonEmpty("generate.quiz.audience", audience);
            subject = nonEmpty("generate.quiz.subject", subject);
            topic = nonEmpty("generate.quiz.topic", topic);
            task = nonEmpty("generate.quiz.task", task);
        }

        private static List<String> nonEmpty(String key, List<String> values) {
            check(values != null && !values.isEmpty(), key, values, "a non-empty list");
            return List.copyOf(values);
        }
    }

    public enum MismatchPolicy {
        KEEP,
        RELABEL,
        DROP
    }

    public record Classify(MismatchPolicy onMismatch, double temperature, int maxTokens) implements Serializable {
        public Classify {
            checkTemperature("classify.temperature", temperature);
        }
    }

    public record Respond(List<AnswerModel> pool) implements Serializable {
        public Respond {
            check(pool != null && !pool.isEmpty(), "respond.pool", pool, "at least one answer model");
            pool = List.copyOf(pool);
            check(
                    pool.stream().map(AnswerModel::name).distinct().count() == pool.size(),
                    "respond.pool",
                    pool.stream().map(AnswerModel::name).toList(),
                    "distinct names");
        }
    }

    public record AnswerModel(String name, String endpoint, String model, double temperature, int maxTokens)
            implements Serializable {
        public AnswerModel {
            check(
                    name != null && name.matches("[A-Za-z0-9._-]+"),
                    "respond.pool[].name",
                    name,
                    "letters, digits, '.', '_' or '-'");
            check(model != null && !model.isBlank(), "respond.pool[].model", model, "a model name");
            check(maxTokens >= 1, "respond.pool[].max-tokens", maxTokens, "an integer >= 1");
            checkTemperature("respond.pool[].temperature", temperature);
        }
    }

    /** What the swapped order of a pair comes from. */
    public enum PairOrder {
        /** Ask the teacher again with the responses swapped, and check the two verdicts agree. */
        SWAP,
        /** Make the swapped record from the first verdict, with A and B exchanged; no second call, no check. */
        MIRROR
    }

    /** What becomes of a pair whose two orders got different verdicts. */
    public enum InconsistentPairs {
        /** Both records become a tie, [[C]]. */
        TIE,
        /** The pair is filtered as order_inconsistent. */
        DROP
    }

    public record Pairwise(int pairsPerInstruction, PairOrder order, InconsistentPairs inconsistent, int maxPairs)
            implements Serializable {
        public Pairwise {
            check(
                    pairsPerInstruction >= 0,
                    "judge.pairwise.pairs-per-instruction",
                    pairsPerInstruction,
                    "an integer >= 0");
            check(maxPairs >= 0, "judge.pairwise.max-pairs", maxPairs, "an integer >= 0 (0 = every pair)");
            check(order != null, "judge.pairwise.order", null, "swap or mirror");
            check(inconsistent != null, "judge.pairwise.inconsistent", null, "tie or drop");
        }
    }

    public record Judge(
            boolean single,
            List<String> referenceScenarios,
            String referenceModel,
            Pairwise pairwise,
            int samples,
            double sampleTemperature,
            double maxSpread,
            double temperature,
            int maxTokens,
            int minScore,
            int maxScore,
            String ratingFormat,
            int maxPointwise)
            implements Serializable {
        public Judge {
            check(maxPointwise >= 0, "judge.max-pointwise", maxPointwise, "an integer >= 0 (0 = every response)");
            check(referenceScenarios != null, "judge.reference-scenarios", null, "a list of scenario ids");
            referenceScenarios = List.copyOf(referenceScenarios);
            check(referenceModel != null, "judge.reference-model", null, "a respond.pool name, or \"\"");
            check(samples >= 1 && samples <= 20, "judge.samples", samples, "1 to 20");
            checkTemperature("judge.sample-temperature", sampleTemperature);
            check(maxSpread >= 0, "judge.max-spread", maxSpread, "a number >= 0 (0 = no consistency filter)");
            checkTemperature("judge.temperature", temperature);
            check(minScore < maxScore, "judge.max-score", maxScore, "greater than judge.min-score (" + minScore + ")");
            check(
                    ratingFormat != null && !ratingFormat.isBlank(),
                    "judge.rating-format",
                    ratingFormat,
                    "themis, result, last or regex:PATTERN");
            check(
                    single || !referenceScenarios.isEmpty() || pairwise.pairsPerInstruction() > 0,
                    "judge.single",
                    single,
                    "true, unless judge.reference-scenarios names a scenario or judge.pairwise.pairs-per-instruction is above 0"
                            + " (otherwise nothing is judged)");
            check(
                    pairwise.pairsPerInstruction() == 0 || ratingFormat.equals("themis") || ratingFormat.equals("last"),
                    "judge.rating-format",
                    ratingFormat,
                    "themis or last while pairwise grading is on (pairwise verdicts are read"
                            + " in one of those); set judge.pairwise.pairs-per-instruction: 0 to use " + ratingFormat);
        }
    }

    public record Score(String endpoint, String model, int maxLength, String responseMarker) implements Serializable {
        public Score {
            check(!model.isBlank(), "score.model", model, "a model name");
            check(maxLength >= 16, "score.max-length", maxLength, "an integer >= 16");
        }
    }

    /** Which records the IFD filter drops. */
    public enum IfdFilter {
        /** Themis: IFD z-score within scenario and mode over select.ifd-max-z. */
        Z_SCORE,
        /** Cherry LLM: IFD > 1 (the instruction does not help predict the answer). */
        CHERRY,
        NONE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Which records fill a quota. */
    public enum SelectOrder {
        /** The highest IFD first (Cherry, Themis). */
        IFD,
        /** A seeded random choice of the same sizes, for comparison runs. */
        RANDOM
    }

    /** How scenario shares of the judge set are set. */
    public enum Composition {
        /** As supplied (a select.total scales every scenario alike). */
        NONE,
        /** By select.scenario-weights. */
        WEIGHTS,
        /** By select.clusters and select.cluster-ratios (the paper's A, B, C). */
        CLUSTERS
    }

    public record Select(
            IfdFilter ifdFilter,
            double ifdMaxZ,
            SelectOrder order,
            double maxScoreShare,
            Map<String, Double> scoreShares,
            long total,
            Composition composition,
            Map<String, Double> scenarioWeights,
            Map<String, List<String>> clusters,
            Map<String, Double> clusterRatios)
            implements Serializable {
        public Select {
            check(ifdFilter != null, "select.ifd-filter", null, "z-score, cherry or none");
            check(ifdMaxZ > 0, "select.ifd-max-z", ifdMaxZ, "a number > 0");
            check(order != null, "select.order", null, "ifd or random");
            check(
                    maxScoreShare > 0 && maxScoreShare <= 1,
                    "select.max-score-share",
                    maxScoreShare,
                    "a number in (0, 1]");
            check(scoreShares != null, "select.score-shares", null, "a mapping of score to share");
            scoreShares = Map.copyOf(scoreShares);
            scoreShares.forEach((k, v) -> check(v >= 0, "select.score-shares." + k, v, "a number >= 0"));
            check(total >= 0, "select.total", total, "an integer >= 0 (0 = no target size)");
            check(composition != null, "select.composition", null, "none, weights or clusters");
            check(scenarioWeights != null, "select.scenario-weights", null, "a mapping of scenario to weight");
            scenarioWeights = Map.copyOf(scenarioWeights);
            scenarioWeights.forEach((k, v) -> check(v >= 0, "select.scenario-weights." + k, v, "a number >= 0"));
            check(clusters != null, "select.clusters", null, "a mapping of cluster name to scenario ids");
            clusters = Map.copyOf(clusters);
            check(clusterRatios != null, "select.cluster-ratios", null, "a mapping of cluster name to ratio");
            clusterRatios = Map.copyOf(clusterRatios);
            for (String name : clusterRatios.keySet()) {
                check(
                        clusters.containsKey(name),
                        "select.cluster-ratios." + name,
                        clusterRatios.get(name),
                        "a cluster of select.clusters");
            }
            check(
                    composition != Composition.WEIGHTS || !scenarioWeights.isEmpty(),
                    "select.scenario-weights",
                    scenarioWeights,
                    "at least one weight when select.composition is weights");
        }

        /** Scenario weights of the composition; empty = as supplied. */
        public Map<String, Double> weights() {
            return switch (composition) {
                case NONE -> Map.of();
                case WEIGHTS -> scenarioWeights;
                case CLUSTERS -> io.judgeforge.stage.select.CompositionPlanner.clusterWeights(clusters, clusterRatios);
            };
        }
    }

    public record Augment(
            double paraphrase,
            String paraphrases,
            double downsample,
            double rescale,
            List<String> scales,
            double heldoutFraction)
            implements Serializable {
        public Augment {
            for (var share : Map.of(
                            "augment.paraphrase",
                            paraphrase,
                            "augment.downsample",
                            downsample,
                            "augment.rescale",
                            rescale)
                    .entrySet()) {
                check(
                        share.getValue() >= 0 && share.getValue() <= 1,
                        share.getKey(),
                        share.getValue(),
                        "a share in [0, 1]");
            }
            check(paraphrases != null, "augment.paraphrases", null, "a file, or \"\"");
            check(
                    paraphrase == 0 || !paraphrases.isBlank(),
                    "augment.paraphrases",
                    paraphrases,
                    "a file of paraphrases when augment.paraphrase is above 0");
            check(
                    scales != null && (rescale == 0 || !scales.isEmpty()),
                    "augment.scales",
                    scales,
                    "a non-empty list when augment.rescale is above 0");
            scales = List.copyOf(scales);
            scales.forEach(x -> check(
                    io.judgeforge.stage.augment.RatingScale.NAMES.contains(x),
                    "augment.scales",
                    x,
                    "one of " + io.judgeforge.stage.augment.RatingScale.NAMES));
            check(
                    heldoutFraction > 0 && heldoutFraction < 1,
                    "augment.heldout-fraction",
                    heldoutFraction,
                    "a number in (0, 1)");
        }
    }

    /** Which scenario label the classifier set trains on (and so which questions the questioner set keeps). */
    public enum ClassifierLabels {
        /** The intended scenario where the teacher's label agrees with it; imported instructions take the teacher's label. */
        AGREED,
        /** The scenario an instruction was written for (the teacher's label for imported ones). */
        INTENDED,
        /** The teacher's label. */
        PREDICTED
    }

    public record Export(String version, double validationFraction, int shardRecords, ClassifierLabels classifierLabels)
            implements Serializable {
        public Export {
            check(classifierLabels != null, "export.classifier-labels", null, "one of agreed, intended, predicted");
            check(version.matches("[A-Za-z0-9._-]*"), "export.version", version, "letters, digits, '.', '_' or '-'");
            check(
                    validationFraction >= 0 && validationFraction < 1,
                    "export.validation-fraction",
                    validationFraction,
                    "a number in [0, 1)");
            check(shardRecords >= 1, "export.shard-records", shardRecords, "an integer >= 1");
        }
    }

    /** What the {@code refresh} command's lock does when another refresh holds it. */
    public enum OnLocked {
        /** Print one line naming the holder and exit with code 3. */
        EXIT,
        /** Wait until the holder finishes or its lease lapses. */
        WAIT
    }

    public record Refresh(int keepVersions, long lockLeaseMs, OnLocked onLocked) implements Serializable {
        public Refresh {
            check(keepVersions >= 0, "refresh.keep-versions", keepVersions, "an integer >= 0 (0 = keep all)");
            check(lockLeaseMs >= 3000, "refresh.lock-lease-ms", lockLeaseMs, "an integer >= 3000");
            check(onLocked != null, "refresh.on-locked", null, "exit or wait");
        }
    }
}
