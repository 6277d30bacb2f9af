package io.judgeforge.teacher.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.CallOutcome;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place an HTTP answer becomes an outcome. It reads the error bodies of OpenAI
 * ({@code {"error": {"message", "type", "param", "code"}}}), vLLM ({@code {"object": "error",
 * "message", "type", "code": 400}}) and gateways (OpenRouter's and LiteLLM's numeric or string
 * codes), and tells apart what a retry may fix (429, 408, 409, 5xx, a 200 that is not JSON), what
 * this request alone got wrong (a 400 for its content, a prompt over the context length), and
 * what every request would meet (401/403, 404, insufficient_quota, an unsupported parameter).
 * {@code x-should-retry} from the server overrides the retry rule, as OpenAI's SDKs let it.
 */
public final class ErrorMapper {
    private static final Pattern CONTEXT_LENGTH = Pattern.compile(
            "maximum context length|context length|context_length_exceeded|context window|prompt is too long"
                    + "|too many tokens|maximum allowed length|longer than the model's context|exceeds the model",
            Pattern.CASE_INSENSITIVE);
    // Gateways (LiteLLM) and other dialects pass the upstream message on without its code.
    private static final Pattern QUOTA =
            Pattern.compile("exceeded your current quota|insufficient_quota", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSUPPORTED = Pattern.compile(
            "unsupported parameter|unsupported value"
                    + "|unsupported_parameter|unsupported_value|is not supported with this model",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ECHO_LOGPROBS =
            Pattern.compile("echo.*logprobs|logprobs.*echo", Pattern.CASE_INSENSITIVE);

    private ErrorMapper() {}

    public static Attempt map(HttpReply reply, ReplyShape shape, Instant now) {
        ServerHints hints = ServerHints.read(reply::header, now);
        if (reply.successful()) {
            return success(reply, shape, hints);
        }
        ErrorBody error = ErrorBody.parse(reply.body());
        String text = "HTTP " + reply.status() + ": " + error.describe(reply.body());
        CallOutcome outcome = classify(reply.status(), error);
        boolean retryable = outcome == CallOutcome.RATE_LIMITED || outcome == CallOutcome.TRANSIENT;
        if (hints.shouldRetry() != null && !outcome.fatal()) {
            retryable = hints.shouldRetry();
        }
        if (outcome == CallOutcome.UNSUPPORTED_PARAMETER
                && ECHO_LOGPROBS.matcher(error.message()).find()) {
            text += " (OpenAI's legacy completions models do not serve echo with logprobs: score with a vLLM-style"
                    + " server, see docs/endpoints.md)";
        }
        return new Attempt(
                outcome, reply.status(), null, null, text, reply.status() + " " + error.message(), retryable, hints);
    }

    private static Attempt success(HttpReply reply, ReplyShape shape, ServerHints hints) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(reply.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new Attempt(
                    CallOutcome.MALFORMED_JSON,
                    reply.status(),
                    null,
                    null,
                    "HTTP " + reply.status() + " with a body that is not JSON: " + ReplyShape.excerpt(reply.body()),
                    null,
                    true,
                    hints);
        }
        if (json.path("error").isObject() && !json.path("choices").isArray()) {
            // OpenRouter reports a failure that happens after the headers were sent in a 200's body.
            return new Attempt(
                    CallOutcome.TRANSIENT,
                    reply.status(),
                    null,
                    null,
                    "HTTP " + reply.status() + " with an error in the body: "
                            + ErrorBody.parse(reply.body()).describe(reply.body()),
                    null,
                    true,
                    hints);
        }
        if (!ReplyShape.hasChoices(json)) {
            return new Attempt(
                    CallOutcome.MALFORMED_JSON,
                    reply.status(),
                    null,
                    null,
                    "HTTP " + reply.status() + " JSON without choices: " + ReplyShape.excerpt(reply.body()),
                    null,
                    true,
                    hints);
        }
        ReplyShape.Verdict verdict = shape.judge(json);
        return new Attempt(verdict.outcome(), reply.status(), json, reply.body(), verdict.detail(), null, false, hints);
    }

    static CallOutcome classify(int status, ErrorBody e) {
        String code = e.code().toLowerCase(Locale.ROOT);
        String type = e.type().toLowerCase(Locale.ROOT);
        if (status == 401 || status == 403) {
            return CallOutcome.AUTH_FAILED;
        }
        if (status == 402) {
            // OpenRouter and other gateways: credits spent.
            return CallOutcome.QUOTA_EXHAUSTED;
        }
        if (status == 404) {
            return CallOutcome.MODEL_NOT_FOUND;
        }
        if (status == 429 && e.message().startsWith("Request too large")) {
            // OpenAI: one request over the whole TPM limit; no wait makes it fit, but smaller items do.
            return CallOutcome.BAD_REQUEST;
        }
        if (status == 429) {
            return code.equals("insufficient_quota")
                            || type.equals("insufficient_quota")
                            || QUOTA.matcher(e.message()).find()
                    ? CallOutcome.QUOTA_EXHAUSTED
                    : CallOutcome.RATE_LIMITED;
        }
        if (status == 408 || status == 409 || status >= 500) {
            return CallOutcome.TRANSIENT;
        }
        if (code.equals("context_length_exceeded")
                || CONTEXT_LENGTH.matcher(e.message()).find()) {
            return CallOutcome.CONTEXT_TOO_LONG;
        }
        if (code.equals("content_filter")
                || code.equals("content_policy_violation")
                || e.raw().contains("ResponsibleAIPolicyViolation")) {
            return CallOutcome.CONTENT_FILTERED;
        }
        if (code.equals("unsupported_parameter")
                || code.equals("unsupported_value")
                || UNSUPPORTED.matcher(e.message()).find()
                || ECHO_LOGPROBS.matcher(e.message()).find()) {
            return CallOutcome.UNSUPPORTED_PARAMETER;
        }
        return CallOutcome.BAD_REQUEST;
    }

    /** The fields of an error body in any of the dialects; empty strings where absent. */
    record ErrorBody(String message, String type, String code, String param, String raw) {
        static ErrorBody parse(String body) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                return new ErrorBody("", "", "", "", body == null ? "" : body);
            }
            // OpenAI, Azure, OpenRouter, LiteLLM nest it under "error"; vLLM puts it at the top ("object": "error").
            JsonNode e = json.path("error").isObject() ? json.path("error") : json;
            String message = e.path("message").isTextual()
                    ? e.path("message").asText()
                    : json.path("error").isTextual()
                            ? json.path("error").asText()
                            : json.path("detail").asText("");
            String code = e.path("code").isNull() ? "" : e.path("code").asText("");
            return new ErrorBody(
                    message, e.path("type").asText(""), code, e.path("param").asText(""), body);
        }

        String describe(String body) {
            if (message.isEmpty()) {
                return ReplyShape.excerpt(body == null ? "" : body);
            }
            StringBuilder s = new StringBuilder(ReplyShape.excerpt(message));
            if (!code.isEmpty()) {
                s.append(" (code ").append(code).append(')');
            } else if (!type.isEmpty()) {
                s.append(" (type ").append(type).append(')');
            }
            return s.toString();
        }
    }
}
