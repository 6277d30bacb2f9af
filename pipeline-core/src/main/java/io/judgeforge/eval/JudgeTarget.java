package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.EndpointClient;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.store.ResponseStore;
import java.util.UUID;

/**
 * The judge a meta-evaluation calls: the config's teacher endpoint (its timeouts, retries and in-flight limit) at
 * another base URL, asked as the judge stage asks the teacher. The teacher's API key is not inherited: the judge
 * may be another host, and a key sent there would leak; the judge's own variable is named with
 * {@code --judge-api-key-env}.
 *
 * @param endpointName the teacher endpoint's name in the config, which the request keys and limits go by
 * @param endpoint the teacher endpoint with its base URL replaced
 * @param call the model and sampling of every call: the teacher model (or the one asked for), at
 *     {@code judge.temperature} and {@code judge.max-tokens}
 * @param spending the config's prices, under its {@code budget} limits
 */
public record JudgeTarget(String endpointName, Endpoint endpoint, ModelCall call, Spending spending) {
    /**
     * @param baseUrl the judge's OpenAI-compatible API root, for example {@code http://localhost:8000/v1}
     * @param model the model to ask, or null for the config's {@code teacher.model}
     * @param apiKeyEnv the environment variable holding the judge's API key, or null/blank to send none
     * @throws ConfigException if the URL is not an http(s) URL or the variable name is not one
     */
    public static JudgeTarget of(PipelineConfig config, String baseUrl, String model, String apiKeyEnv) {
        if (baseUrl == null || !baseUrl.strip().matches("https?://\\S+")) {
            throw ConfigException.invalid(
                    "--judge-endpoint",
                    baseUrl,
                    "the http(s) base URL of an OpenAI-compatible API, for example http://localhost:8000/v1");
        }
        String name = config.teacher().endpoint();
        Endpoint teacher = config.endpoint(name);
        String keyEnv = apiKeyEnv == null ? "" : apiKeyEnv.strip();
        ConfigException.check(
                keyEnv.isEmpty() || keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*"),
                "--judge-api-key-env",
                keyEnv,
                "the name of an environment variable, e.g. JUDGE_API_KEY");
        Endpoint judge = new Endpoint(
                baseUrl.strip(),
                keyEnv,
                teacher.timeoutMs(),
                teacher.maxInFlight(),
                teacher.maxAttempts(),
                teacher.rpm(),
                teacher.tpm(),
                teacher.breakerWindow(),
                teacher.breakerFailureShare(),
                teacher.breakerMinMs());
        String judgeModel = model == null || model.isBlank() ? config.teacher().model() : model.strip();
        // As JudgeJob does: the teacher's model at the judge's own temperature and token limit. judge.samples is not
        // used: a meta-evaluation measures one answer per prompt, as the judge under test would give it.
        ModelCall call = new ModelCall(
                name, judgeModel, config.judge().temperature(), config.judge().maxTokens());
        PipelineConfig.Budget budget = config.budget();
        // A ledger of its own: a meta-evaluation is not a run, and spends nothing of any run's budget.
        Spending spending = Spending.withBudget(
                config,
                "meta-eval/" + UUID.randomUUID(),
                budget.maxUsd(),
                budget.maxTokens(),
                io.judgeforge.teacher.limit.InProcessLimits.INSTANCE);
        return new JudgeTarget(name, judge, call, spending);
    }

    /** How many calls to keep in flight: the endpoint's {@code max-in-flight}. */
    public int parallelism() {
        return endpoint.maxInFlight();
    }

    /**
     * A client for this judge. The API key, if any, is read from the environment variable the endpoint names.
     *
     * @throws ConfigException if that variable is not set
     */
    public EndpointClient client(ResponseStore store) {
        return EndpointClient.forEndpoint(endpointName, endpoint, store, spending);
    }
}
