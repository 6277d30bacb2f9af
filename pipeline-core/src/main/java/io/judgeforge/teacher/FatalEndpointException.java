package io.judgeforge.teacher;

import io.judgeforge.config.ConfigException;

/**
 * An endpoint answered in a way that no retry can fix and that every request would meet alike (a
 * bad key, an unknown model, a spent billing quota, a parameter the model rejects). Thrown out of
 * the stage so the run stops at once with this one line, instead of spending a request on every
 * item and quarantining them all. It is a configuration (or account) error, hence the parent.
 */
public final class FatalEndpointException extends ConfigException {
    private final CallOutcome outcome;

    public FatalEndpointException(CallOutcome outcome, String endpoint, String model, String detail) {
        super("endpoint '" + endpoint + "' (model " + model + "): " + outcome.code() + ": " + detail + " -- "
                + advice(outcome));
        this.outcome = outcome;
    }

    public CallOutcome outcome() {
        return outcome;
    }

    private static String advice(CallOutcome outcome) {
        return switch (outcome) {
            case AUTH_FAILED -> "check the key in the variable named by api-key-env, and api-key-header";
            case MODEL_NOT_FOUND -> "check the model name (on Azure: the deployment name) and base-url";
            case QUOTA_EXHAUSTED -> "the account's billing quota is spent; this is not a rate limit and is not retried";
            default ->
                "the endpoint rejects this for every request; see max-tokens-param and send-temperature in docs/endpoints.md";
        };
    }
}
