package io.judgeforge.simulator;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The simulator's flags, shared by {@link SimulatorMain}, {@code judgeforge sim-server} and the
 * {@link SimulatorProvider} arguments: one list of flags, whoever starts the simulator. A flag with an
 * unusable value is named in a one-line {@link IllegalArgumentException}.
 */
@Command(
        name = "judgeforge-simulator",
        mixinStandardHelpOptions = true,
        version = "judgeforge-simulator 0.1.0",
        description = "Serve the OpenAI-compatible teacher simulator on 127.0.0.1 until stopped (Ctrl-C).")
final class SimulatorCommandLine {
    static final int DEFAULT_PORT = 8089;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_PORT,
            description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "Seed: same seed and request, same answer (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "" + SimulatorSettings.DEFAULT_THREADS,
            description = "HTTP worker threads: requests served at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--latency-ms",
            paramLabel = "MS",
            defaultValue = "0",
            description =
                    "Latency added to every request: the fixed delay, or the mean of --latency-dist (default ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(
            names = "--latency-dist",
            paramLabel = "KIND",
            defaultValue = "fixed",
            description = "Latency distribution: fixed, uniform or lognormal (default ${DEFAULT-VALUE}).")
    String latencyDist;

    @Option(
            names = "--latency-p99-ms",
            paramLabel = "MS",
            description = "99th-percentile latency; required with --latency-dist uniform or lognormal.")
    Integer latencyP99Ms;

    @Option(
            names = "--rpm",
            paramLabel = "N",
            defaultValue = "0",
            description = "Requests per minute allowed per model, else 429 (0 = no limit; default ${DEFAULT-VALUE}).")
    int rpm;

    @Option(
            names = "--rate-window-ms",
            paramLabel = "MS",
            defaultValue = "60000",
            description = "The sliding window "
                    + "--rpm and --tpm are counted over, each window allowing its share (providers may enforce per second; "
                    + "default ${DEFAULT-VALUE}).")
    long rateWindowMs;

    @Option(
            names = "--tpm",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "Tokens (prompt + completion) per minute allowed per model, else 429 (0 = no limit; default ${DEFAULT-VALUE}).")
    int tpm;

    @Option(
            names = "--fault-500",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of injected 500 replies, 0..1 (default ${DEFAULT-VALUE}).")
    double fault500;

    @Option(
            names = "--fault-503",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of injected 503 replies, 0..1 (default ${DEFAULT-VALUE}).")
    double fault503;

    @Option(
            names = "--fault-429",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of injected 429 replies with Retry-After: 1, 0..1 (default ${DEFAULT-VALUE}).")
    double fault429;

    @Option(
            names = "--fault-malformed",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of 200 replies whose body is not JSON, 0..1 (default ${DEFAULT-VALUE}).")
    double faultMalformed;

    @Option(
            names = "--fault-truncated",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of chat replies cut short with finish_reason length, 0..1 (default ${DEFAULT-VALUE}).")
    double faultTruncated;

    @Option(
            names = "--fault-slow",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of requests delayed by an extra --slow-ms, 0..1 (default ${DEFAULT-VALUE}).")
    double faultSlow;

    @Option(
            names = "--fault-batch-expire",
            description = "The first batch created (/v1/batches) expires with only half of its lines answered;"
                    + " the rest are batch_expired in its error file.")
    boolean faultBatchExpire;

    @Option(
            names = "--fault-batch-500",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of batch lines answered with a 500 in the error file, the first time their"
                    + " custom_id is seen, 0..1 (default ${DEFAULT-VALUE}).")
    double faultBatch500;

    @Option(
            names = "--slow-ms",
            paramLabel = "MS",
            defaultValue = "" + Faults.DEFAULT_SLOW_MS,
            description = "Extra delay of a slow request; set it past the client's timeout (default ${DEFAULT-VALUE}).")
    int slowMs;

    @Option(
            names = "--fault-403",
            paramLabel = "R",
            defaultValue = "0",
            description =
                    "Rate of injected 403 unsupported_country_region_territory replies, 0..1 (default ${DEFAULT-VALUE}).")
    double fault403;

    @Option(
            names = "--fault-502",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of injected 502 replies with a gateway's HTML page, 0..1 (default ${DEFAULT-VALUE}).")
    double fault502;

    @Option(
            names = "--fault-insufficient-quota",
            paramLabel = "R",
            defaultValue = "0",
            description =
                    "Rate of injected 429 insufficient_quota replies (no retry header), 0..1 (default ${DEFAULT-VALUE}).")
    double faultInsufficientQuota;

    @Option(
            names = "--fault-html",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of 200 replies whose body is an HTML page, 0..1 (default ${DEFAULT-VALUE}).")
    double faultHtml;

    @Option(
            names = "--fault-no-choices",
            paramLabel = "R",
            defaultValue = "0",
            description = "Rate of 200 JSON replies without choices, 0..1 (default ${DEFAULT-VALUE}).")
    double faultNoChoices;

    @Option(
            names = "--realism",
            description = "The public APIs' wire formats: turns on --bos, --byte-tokens, --usage-details, --azure,"
                    + " --fault-triggers, --reasoning-prefix " + Realism.DEFAULT_REASONING_PREFIX + ", --refusal-rate "
                    + Realism.PROFILE_REFUSAL_RATE + ", --content-filter-rate " + Realism.PROFILE_CONTENT_FILTER_RATE
                    + " and --retry-header-form cycle; each can still be set otherwise.")
    boolean realism;

    @Option(
            names = "--bos",
            negatable = true,
            description =
                    "/v1/completions tokenizes like vLLM with Llama 3's BOS: <|begin_of_text|> first, code-point offsets.")
    Boolean bos;

    @Option(
            names = "--byte-tokens",
            negatable = true,
            description = "/v1/completions splits CJK characters and emoji into 2-4 byte tokens decoded as U+FFFD.")
    Boolean byteTokens;

    @Option(
            names = "--usage-details",
            negatable = true,
            description =
                    "Chat usage has prompt_tokens_details.cached_tokens and completion_tokens_details.reasoning_tokens.")
    Boolean usageDetails;

    @Option(
            names = "--reasoning-prefix",
            paramLabel = "PREFIX",
            description =
                    "Models named PREFIX* answer like OpenAI's reasoning models (PREFIX3 and PREFIX4-mini are added);"
                            + " '' for none.")
    String reasoningPrefix;

    @Option(
            names = "--refusal-rate",
            paramLabel = "R",
            description = "Share of chat choices refused (content null, message.refusal), 0..1.")
    Double refusalRate;

    @Option(
            names = "--content-filter-rate",
            paramLabel = "R",
            description = "Share of chat choices stopped with finish_reason content_filter (Azure style), 0..1.")
    Double contentFilterRate;

    @Option(names = "--error-dialect", paramLabel = "D", description = "Error bodies: openai or vllm (default openai).")
    String errorDialect;

    @Option(
            names = "--require-key",
            paramLabel = "KEY",
            description =
                    "Accept only this API key (Authorization: Bearer KEY, or api-key on the Azure paths), else 401.")
    String requireKey;

    @Option(
            names = "--context-tokens",
            paramLabel = "N",
            description = "Every model's context length: a longer prompt plus completion is a 400 (0 = no limit).")
    Integer contextTokens;

    @Option(
            names = "--retry-header-form",
            paramLabel = "FORM",
            description =
                    "How 429s and 503s say when to retry: seconds (default), ms, date, should-retry, no-retry or cycle.")
    String retryHeaderForm;

    @Option(
            names = "--azure",
            negatable = true,
            description =
                    "Also serve /openai/deployments/{model}/chat/completions and .../completions (?api-version= required).")
    Boolean azure;

    @Option(
            names = "--fault-triggers",
            negatable = true,
            description = "A request for the model sim-fault-KIND (e.g. sim-fault-http503) always gets that fault.")
    Boolean faultTriggers;

    private boolean helpRequested;
    private boolean versionRequested;

    /**
     * Reads the flags. Values are checked later, by {@link #settings()} and {@link #port()}.
     *
     * @throws IllegalArgumentException naming an unknown flag or a value of the wrong type
     */
    static SimulatorCommandLine parse(List<String> arguments) {
        SimulatorCommandLine flags = new SimulatorCommandLine();
        CommandLine cli = new CommandLine(flags);
        try {
            cli.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        flags.helpRequested = cli.isUsageHelpRequested();
        flags.versionRequested = cli.isVersionHelpRequested();
        return flags;
    }

    /** The usage text, with {@code commandName} as the command (e.g. {@code judgeforge sim-server}). */
    static String usage(String commandName) {
        return new CommandLine(new SimulatorCommandLine())
                .setCommandName(commandName)
                .getUsageMessage();
    }

    boolean helpRequested() {
        return helpRequested;
    }

    boolean versionRequested() {
        return versionRequested;
    }

    int port() {
        check(port >= 0 && port <= 65_535, "--port", port, "0 to 65535");
        return port;
    }

    /** The settings the flags ask for. */
    SimulatorSettings settings() {
        check(threads >= 1, "--threads", threads, "an integer >= 1");
        SimulatorSettings defaults = SimulatorSettings.defaults();
        return new SimulatorSettings(seed, defaults.models(), latency(), threads, rateLimits(), faults())
                .withRealism(realism());
    }

    /** {@link Realism#PROFILE} with --realism, else {@link Realism#OFF}; then every switch given on its own. */
    private Realism realism() {
        Realism chosen = realism ? Realism.PROFILE : Realism.OFF;
        if (bos != null) {
            chosen = chosen.withBos(bos);
        }
        if (byteTokens != null) {
            chosen = chosen.withByteTokens(byteTokens);
        }
        if (usageDetails != null) {
            chosen = chosen.withUsageDetails(usageDetails);
        }
        if (reasoningPrefix != null) {
            chosen = chosen.withReasoningPrefix(reasoningPrefix);
        }
        if (refusalRate != null) {
            chosen = chosen.withRefusalRate(rate("--refusal-rate", refusalRate));
        }
        if (contentFilterRate != null) {
            chosen = chosen.withContentFilterRate(rate("--content-filter-rate", contentFilterRate));
        }
        if (errorDialect != null) {
            try {
                chosen = chosen.withErrorDialect(ErrorDialect.parse(errorDialect));
            } catch (IllegalArgumentException e) {
                throw invalid("--error-dialect", "'" + errorDialect + "'", "openai or vllm");
            }
        }
        if (requireKey != null) {
            check(!requireKey.isBlank(), "--require-key", "''", "a key that is not blank");
            chosen = chosen.withRequiredKey(requireKey);
        }
        if (contextTokens != null) {
            check(contextTokens >= 0, "--context-tokens", contextTokens, "an integer >= 0, 0 for no limit");
            chosen = chosen.withContextTokens(contextTokens);
        }
        if (retryHeaderForm != null) {
            try {
                chosen = chosen.withRetryHeaderForm(RetryHeaderForm.parse(retryHeaderForm));
            } catch (IllegalArgumentException e) {
                throw invalid(
                        "--retry-header-form",
                        "'" + retryHeaderForm + "'",
                        "seconds, ms, date, should-retry, no-retry or cycle");
            }
        }
        if (azure != null) {
            chosen = chosen.withAzure(azure);
        }
        if (faultTriggers != null) {
            chosen = chosen.withFaultTriggers(faultTriggers);
        }
        return chosen;
    }

    private Latency latency() {
        check(latencyMs >= 0, "--latency-ms", latencyMs, "an integer >= 0");
        Latency.Kind kind;
        try {
            kind = Latency.Kind.parse(latencyDist);
        } catch (IllegalArgumentException e) {
            throw invalid("--latency-dist", "'" + latencyDist + "'", "fixed, uniform or lognormal");
        }
        if (kind == Latency.Kind.FIXED) {
            if (latencyP99Ms != null) {
                throw new IllegalArgumentException(
                        "'--latency-p99-ms' needs '--latency-dist uniform' or 'lognormal': a fixed latency has no spread");
            }
            return Latency.fixed(latencyMs);
        }
        if (latencyP99Ms == null) {
            throw new IllegalArgumentException("'--latency-dist " + kind.label() + "' needs '--latency-p99-ms'");
        }
        check(latencyP99Ms >= 0, "--latency-p99-ms", latencyP99Ms, "an integer >= 0");
        try {
            return new Latency(kind, latencyMs, latencyP99Ms);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid value for '--latency-p99-ms' with '--latency-ms " + latencyMs + "': " + e.getMessage());
        }
    }

    private RateLimits rateLimits() {
        check(rpm >= 0, "--rpm", rpm, "an integer >= 0, 0 for no limit");
        check(tpm >= 0, "--tpm", tpm, "an integer >= 0, 0 for no limit");
        check(rateWindowMs >= 1 && rateWindowMs <= 60_000, "--rate-window-ms", rateWindowMs, "1 to 60000");
        return RateLimits.everyModel(rpm, tpm, rateWindowMs);
    }

    private Faults faults() {
        check(slowMs >= 0, "--slow-ms", slowMs, "an integer >= 0");
        return Faults.NONE
                .with(FaultKind.HTTP_500, rate("--fault-500", fault500))
                .with(FaultKind.HTTP_503, rate("--fault-503", fault503))
                .with(FaultKind.HTTP_429, rate("--fault-429", fault429))
                .with(FaultKind.MALFORMED_JSON, rate("--fault-malformed", faultMalformed))
                .with(FaultKind.TRUNCATED, rate("--fault-truncated", faultTruncated))
                .with(FaultKind.SLOW, rate("--fault-slow", faultSlow))
                .with(FaultKind.HTTP_403, rate("--fault-403", fault403))
                .with(FaultKind.HTTP_502, rate("--fault-502", fault502))
                .with(FaultKind.INSUFFICIENT_QUOTA, rate("--fault-insufficient-quota", faultInsufficientQuota))
                .with(FaultKind.HTML_BODY, rate("--fault-html", faultHtml))
                .with(FaultKind.NO_CHOICES, rate("--fault-no-choices", faultNoChoices))
                .withSlowMs(slowMs)
                .withBatch(new BatchFaults(faultBatchExpire, rate("--fault-batch-500", faultBatch500)));
    }

    private static double rate(String flag, double value) {
        check(value >= 0 && value <= 1, flag, value, "a rate from 0 to 1");
        return value;
    }

    private static void check(boolean condition, String flag, Object value, String expected) {
        if (!condition) {
            throw invalid(flag, value, expected);
        }
    }

    private static IllegalArgumentException invalid(String flag, Object value, String expected) {
        return new IllegalArgumentException(
                "Invalid value for '" + flag + "': " + value + " (expected " + expected + ")");
    }
}
