package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request failure, reported in OpenAI's error shape (or vLLM's, or Azure's, see {@link #toJson})
 * so clients take their normal error path.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    /** Azure's own errors are {@code {"error": {"code", "message"}}}, code a string; null for the others. */
    private final String azureCode;

    ApiError(int status, String type, String message, String param, String code) {
        this(status, type, message, param, code, null);
    }

    private ApiError(int status, String type, String message, String param, String code, String azureCode) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.azureCode = azureCode;
    }

    static ApiError invalidRequest(String message, String param, String code) {
        return new ApiError(400, "invalid_request_error", message, param, code);
    }

    static ApiError modelNotFound(String model) {
        return new ApiError(
                404, "invalid_request_error", "The model '" + model + "' does not exist", "model", "model_not_found");
    }

    static ApiError unknownPath(String method, String path) {
        return new ApiError(
                404, "invalid_request_error", "Invalid URL (" + method + " " + path + ")", null, "unknown_url");
    }

    static ApiError methodNotAllowed(String method, String path, String allowed) {
        return new ApiError(
                405,
                "invalid_request_error",
                "Method " + method + " is not allowed for " + path + "; use " + allowed,
                null,
                "method_not_allowed");
    }

    static ApiError internal(String message) {
        return new ApiError(500, "server_error", message, null, "internal_error");
    }

    /** A 429, from the rate limits or injected; the type and code are those OpenAI clients look for. */
    static ApiError rateLimited(String message) {
        return new ApiError(429, "rate_limit_exceeded", message, null, "rate_limit_exceeded");
    }

    /** An injected 500. The message says it is simulated, so nobody hunts for a bug that is not there. */
    static ApiError injectedServerError() {
        return new ApiError(
                500,
                "server_error",
                "The server had an error while processing your request (simulated fault).",
                null,
                "internal_error");
    }

    /** An injected 503, OpenAI's answer when it is overloaded. */
    static ApiError injectedOverload() {
        return new ApiError(
                503,
                "server_error",
                "The engine is currently overloaded, please try again later (simulated fault).",
                null,
                "service_unavailable");
    }

    /** An injected 403, OpenAI's answer to a request from a region it does not serve. */
    static ApiError injectedForbidden() {
        return new ApiError(
                403,
                "request_forbidden",
                "Country, region, or territory not supported (simulated fault).",
                null,
                "unsupported_country_region_territory");
    }

    /** An injected 429 that no wait cures: the account's credit is used up. */
    static ApiError injectedInsufficientQuota() {
        return new ApiError(
                429,
                "insufficient_quota",
                "You exceeded your current quota, please check your plan and billing" + " details (simulated fault).",
                null,
                "insufficient_quota");
    }

    /** A request without a key, when one is required (OpenAI's wording; its code is null). */
    static ApiError missingApiKey() {
        return new ApiError(
                401,
                "invalid_request_error",
                "You didn't provide an API key. You need to provide your API key in"
                        + " an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                null,
                null);
    }

    /** A wrong key. Only a masked form of it is echoed, as OpenAI does, so a log of the reply leaks nothing. */
    static ApiError invalidApiKey(String given) {
        return new ApiError(
                401,
                "invalid_request_error",
                "Incorrect API key provided: " + mask(given) + ".",
                null,
                "invalid_api_key");
    }

    /** Azure's 401 for a missing or wrong {@code api-key} header. */
    static ApiError azureAccessDenied() {
        return new ApiError(
                401,
                null,
                "Access denied due to invalid subscription key or wrong API endpoint. Make sure to"
                        + " provide a valid key for an active subscription and use a correct regional API endpoint for your resource.",
                null,
                null,
                "401");
    }

    static ApiError azureMissingApiVersion() {
        return new ApiError(
                400,
                null,
                "The api-version query parameter (?api-version=) is required for all requests.",
                null,
                null,
                "MissingApiVersionParameter");
    }

    static ApiError azureDeploymentNotFound() {
        return new ApiError(
                404,
                null,
                "The API deployment for this resource does not exist. If you created the deployment"
                        + " within the last 5 minutes, please wait a moment and try again.",
                null,
                null,
                "DeploymentNotFound");
    }

    /**
     * The prompt and the completion asked for do not fit the model's context, in vLLM's words with
     * OpenAI's code.
     *
     * @param param {@code messages} for chat, {@code prompt} for text completions
     */
    static ApiError contextLengthExceeded(int contextTokens, int promptTokens, int completionTokens, String param) {
        return new ApiError(
                400,
                "invalid_request_error",
                "This model's maximum context length is " + contextTokens
                        + " tokens. However, you requested " + (promptTokens + completionTokens) + " tokens ("
                        + promptTokens
                        + " in the messages, " + completionTokens
                        + " in the completion). Please reduce the length of the messages or"
                        + " completion.",
                param,
                CONTEXT_LENGTH_EXCEEDED);
    }

    /** A reasoning model's answer to {@code max_tokens}. */
    static ApiError unsupportedParameter(String param, String instead) {
        return new ApiError(
                400,
                "invalid_request_error",
                "Unsupported parameter: '" + param + "' is not supported with this" + " model. Use '" + instead
                        + "' instead.",
                param,
                "unsupported_parameter");
    }

    /** A reasoning model's answer to a temperature other than 1. */
    static ApiError unsupportedValue(String param, String value, String supported) {
        return new ApiError(
                400,
                "invalid_request_error",
                "Unsupported value: '" + param + "' does not support " + value + " with this model. Only the default ("
                        + supported + ") value is supported.",
                param,
                "unsupported_value");
    }

    /** OpenAI's answer to a chat-only model on the legacy completions endpoint. */
    static ApiError chatModelOnCompletions() {
        return new ApiError(
                404,
                "invalid_request_error",
                "This is a chat model and not supported in the v1/completions"
                        + " endpoint. Did you mean to use v1/chat/completions?",
                "model",
                null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The body in OpenAI's shape, as before dialects existed. */
    ObjectNode toJson() {
        return toJson(ErrorDialect.OPENAI);
    }

    /**
     * The body. OpenAI: {@code param} and {@code code} written as explicit nulls when absent, as OpenAI
     * does. vLLM: {@code {"object": "error", ...}} with the status as a numeric code, and a bare
     * {@code {"error": "Unauthorized"}} for a key it refuses. Azure's own errors (its paths) keep
     * Azure's shape in either dialect.
     */
    ObjectNode toJson(ErrorDialect dialect) {
        ObjectNode root = SimulatorJson.mapper().createObjectNode();
        if (azureCode != null) {
            ObjectNode error = root.putObject("error");
            error.put("code", azureCode);
            error.put("message", getMessage());
            return root;
        }
        if (dialect == ErrorDialect.VLLM) {
            if (status == 401) {
                root.put("error", "Unauthorized");
                return root;
            }
            root.put("object", "error");
            root.put("message", getMessage());
            root.put("type", vllmType(status));
            putNullable(root, "param", param);
            root.put("code", status);
            return root;
        }
        ObjectNode error = root.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        putNullable(error, "param", param);
        putNullable(error, "code", code);
        return root;
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** vLLM names error types after the exception a status stands for. */
    private static String vllmType(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 403 -> "PermissionDeniedError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 429 -> "RateLimitError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }

    /** {@code sk-...wxyz}: the first three and last four characters of a long key, nothing of a short one. */
    static String mask(String key) {
        if (key.length() < 12) {
            return "***";
        }
        return key.substring(0, 3) + "*".repeat(Math.min(20, key.length() - 7)) + key.substring(key.length() - 4);
    }
}
