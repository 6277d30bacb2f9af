package io.judgeforge.teacher;

/**
 * What became of one teacher call, recorded as data with every result. Only {@link #OK} carries a
 * usable answer; every other outcome that reaches a stage sends the item to quarantine with this
 * outcome as its reason (a budget stop and a too-long prompt filter it instead). The fatal ones
 * ({@link #fatal()}) never reach a stage: no retry can fix them and every request would fail alike,
 * so the client throws {@link FatalEndpointException} and the run stops at once.
 *
 * <p>Nothing but {@link #OK} is ever kept in the response store: a rerun asks again.
 */
public enum CallOutcome implements io.judgeforge.stage.Reason {
    OK,
    /** HTTP 429 on every attempt. */
    RATE_LIMITED,
    /** 5xx, timeout or connection failure on every attempt. */
    TRANSIENT,
    /** A 200 whose body is not JSON or has no {@code choices}, on every attempt: a server or gateway fault. */
    MALFORMED_JSON,
    /** A 4xx (other than those below) for this request alone: it is not retried. */
    BAD_REQUEST,
    /** HTTP 400 saying the prompt exceeds the model's context length. */
    CONTEXT_TOO_LONG,
    /** {@code finish_reason: length}: the answer (or a reasoning model's thinking) was cut at the token limit. */
    TRUNCATED,
    /** {@code finish_reason: content_filter}, or a 400 that names the provider's content filter. */
    CONTENT_FILTERED,
    /** The model declined: {@code message.refusal} set, {@code content} null. */
    REFUSED,
    /** A 200 whose text has not the expected shape (no content and no reason given for it). */
    PARSE_FAILED,
    /** Not sent: the endpoint's circuit breaker is open after a sustained storm of 429s or 5xx. */
    CIRCUIT_OPEN,
    /** Not sent: the run's budget (budget.max-usd, budget.max-tokens) is spent. The item is filtered, not quarantined. */
    BUDGET_EXHAUSTED,
    /** Fatal: 401 or 403, the key is wrong, missing or not allowed. */
    AUTH_FAILED,
    /** Fatal: 404, the model (or Azure deployment) does not exist at the endpoint. */
    MODEL_NOT_FOUND,
    /** Fatal: 429 {@code insufficient_quota}, a billing limit rather than a rate limit. */
    QUOTA_EXHAUSTED,
    /** Fatal: a parameter or value the endpoint rejects for every request, or the same 400 again and again. */
    UNSUPPORTED_PARAMETER;

    @Override
    public String code() {
        return name().toLowerCase();
    }

    /** No retry can fix it and it would fail for every item: the run stops. */
    public boolean fatal() {
        return this == AUTH_FAILED
                || this == MODEL_NOT_FOUND
                || this == QUOTA_EXHAUSTED
                || this == UNSUPPORTED_PARAMETER;
    }
}
