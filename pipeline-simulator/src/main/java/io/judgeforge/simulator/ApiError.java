package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request failure, reported in OpenAI's error shape so clients take their normal error path. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String param;
  private final String code;

  ApiError(int status, String type, String message, String param, String code) {
    super(message);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  static ApiError invalidRequest(String message, String param, String code) {
    return new ApiError(400, "invalid_request_error", message, param, code);
  }

  static ApiError modelNotFound(String model) {
    return new ApiError(
        404, "invalid_request_error", "The model '" + model + "' does not exist", "model", "model_not_found");
  }

  static ApiError unknownPath(String method, String path) {
    return new ApiError(404, "invalid_request_error", "Invalid URL (" + method + " " + path + ")", null, "unknown_url");
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
        500, "server_error", "The server had an error while processing your request (simulated fault).", null,
        "internal_error");
  }

  /** An injected 503, OpenAI's answer when it is overloaded. */
  static ApiError injectedOverload() {
    return new ApiError(
        503, "server_error", "The engine is currently overloaded, please try again later (simulated fault).", null,
        "service_unavailable");
  }

  int status() {
    return status;
  }

  /** {@code param} and {@code code} are written as explicit nulls when absent, as OpenAI does. */
  ObjectNode toJson() {
    ObjectNode root = SimulatorJson.mapper().createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("message", getMessage());
    error.put("type", type);
    if (param == null) {
      error.putNull("param");
    } else {
      error.put("param", param);
    }
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return root;
  }
}
