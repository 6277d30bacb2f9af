package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wire formats of the real public APIs, which a client meets in production and the plain
 * simulator spares it. {@link #OFF} (the default) changes nothing; {@link #PROFILE} is what
 * {@code --realism} turns on. Every switch is a pure function of the seed and the request, except
 * three things that depend on history or the clock, as on the real APIs: {@code cached_tokens}
 * (whether the prompt's prefix was seen before), the form {@link RetryHeaderForm#CYCLE} picks next,
 * and a {@code Retry-After} date.
 *
 * @param bos /v1/completions tokenizes like vLLM with a BOS tokenizer (Llama 3): the prompt starts
 *     with {@link WireTokenizer#BOS}, counted in {@code prompt_tokens}, whose logprob is null, and
 *     {@code text_offset} is a running sum of the decoded tokens' lengths in code points
 * @param byteTokens /v1/completions splits characters of three or four UTF-8 bytes (CJK, emoji) into
 *     two to four byte tokens, each decoded as U+FFFD, as byte-level BPE does with rare characters
 * @param usageDetails every chat reply's usage has {@code prompt_tokens_details.cached_tokens} and
 *     {@code completion_tokens_details.reasoning_tokens}, as OpenAI's does
 * @param reasoningPrefix models whose name starts with it answer like OpenAI's reasoning models
 *     (reject {@code max_tokens} and a temperature other than 1, think first, report reasoning
 *     tokens, vLLM's {@code reasoning_content}); empty for none
 * @param refusalRate share of chat choices answered with {@code content: null} and a {@code refusal}
 * @param contentFilterRate share of chat choices stopped with {@code finish_reason: "content_filter"},
 *     Azure style: no {@code content}, and {@code content_filter_results} on the choice
 * @param errorDialect the shape of every error body
 * @param requiredKey when not empty, the only API key accepted ({@code Authorization: Bearer KEY}, or
 *     {@code api-key: KEY} on the Azure paths); anything else is a 401
 * @param contextTokens every model's context length: a request whose prompt and requested completion
 *     do not fit is a 400; 0 for no limit
 * @param retryHeaderForm how 429s and 503s say when to retry
 * @param azure also serve Azure OpenAI's {@code /openai/deployments/{deployment}/chat/completions} and
 *     {@code .../completions}, which need {@code ?api-version=}
 * @param faultTriggers a request for the model {@code sim-fault-KIND} (KIND a {@link FaultKind#key()})
 *     always gets that fault, whatever the rates
 */
public record Realism(
        boolean bos,
        boolean byteTokens,
        boolean usageDetails,
        String reasoningPrefix,
        double refusalRate,
        double contentFilterRate,
        ErrorDialect errorDialect,
        String requiredKey,
        int contextTokens,
        RetryHeaderForm retryHeaderForm,
        boolean azure,
        boolean faultTriggers) {

    /** The reasoning-model prefix {@code --realism} sets. */
    public static final String DEFAULT_REASONING_PREFIX = "sim-o";

    public static final double PROFILE_REFUSAL_RATE = 0.02;
    public static final double PROFILE_CONTENT_FILTER_RATE = 0.01;

    public static final Realism OFF = new Realism(
            false, false, false, "", 0, 0, ErrorDialect.OPENAI, "", 0, RetryHeaderForm.SECONDS, false, false);

    /**
     * Everything {@code --realism} turns on: BOS and byte tokens, usage details, reasoning models named
     * {@code sim-o*}, 2% refusals, 1% content filtering, cycling retry headers, the Azure paths and the
     * fault triggers. The error dialect, the key and the context length stay as they were: each needs a
     * value only the caller knows.
     */
    public static final Realism PROFILE = new Realism(
            true,
            true,
            true,
            DEFAULT_REASONING_PREFIX,
            PROFILE_REFUSAL_RATE,
            PROFILE_CONTENT_FILTER_RATE,
            ErrorDialect.OPENAI,
            "",
            0,
            RetryHeaderForm.CYCLE,
            true,
            true);

    public Realism {
        if (reasoningPrefix == null) {
            reasoningPrefix = "";
        }
        if (requiredKey == null) {
            requiredKey = "";
        }
        checkRate("refusalRate", refusalRate);
        checkRate("contentFilterRate", contentFilterRate);
        if (errorDialect == null || retryHeaderForm == null) {
            throw new IllegalArgumentException("realism: errorDialect and retryHeaderForm must be given");
        }
        if (contextTokens < 0) {
            throw new IllegalArgumentException(
                    "realism.contextTokens must be >= 0 (0 = no limit), got " + contextTokens);
        }
    }

    public Realism withBos(boolean on) {
        return new Realism(
                on,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withByteTokens(boolean on) {
        return new Realism(
                bos,
                on,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withUsageDetails(boolean on) {
        return new Realism(
                bos,
                byteTokens,
                on,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withReasoningPrefix(String prefix) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                prefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withRefusalRate(double rate) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                rate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withContentFilterRate(double rate) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                rate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withErrorDialect(ErrorDialect dialect) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                dialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withRequiredKey(String key) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                key,
                contextTokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withContextTokens(int tokens) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                tokens,
                retryHeaderForm,
                azure,
                faultTriggers);
    }

    public Realism withRetryHeaderForm(RetryHeaderForm form) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                form,
                azure,
                faultTriggers);
    }

    public Realism withAzure(boolean on) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                on,
                faultTriggers);
    }

    public Realism withFaultTriggers(boolean on) {
        return new Realism(
                bos,
                byteTokens,
                usageDetails,
                reasoningPrefix,
                refusalRate,
                contentFilterRate,
                errorDialect,
                requiredKey,
                contextTokens,
                retryHeaderForm,
                azure,
                on);
    }

    /** True when {@code model} is one of the reasoning models. */
    public boolean isReasoningModel(String model) {
        return !reasoningPrefix.isEmpty() && model.startsWith(reasoningPrefix);
    }

    /** True when /v1/completions tokenizes differently from the plain simulator. */
    boolean wireTokens() {
        return bos || byteTokens;
    }

    String describe() {
        if (equals(OFF)) {
            return "off";
        }
        List<String> parts = new ArrayList<>();
        if (bos) {
            parts.add("bos");
        }
        if (byteTokens) {
            parts.add("byte-tokens");
        }
        if (usageDetails) {
            parts.add("usage-details");
        }
        if (!reasoningPrefix.isEmpty()) {
            parts.add("reasoning models " + reasoningPrefix + "*");
        }
        if (refusalRate > 0) {
            parts.add("refusals " + String.format(Locale.ROOT, "%.3g", refusalRate));
        }
        if (contentFilterRate > 0) {
            parts.add("content filter " + String.format(Locale.ROOT, "%.3g", contentFilterRate));
        }
        parts.add(errorDialect.label() + " errors");
        if (!requiredKey.isEmpty()) {
            parts.add("key required");
        }
        if (contextTokens > 0) {
            parts.add("context " + contextTokens + " tokens");
        }
        parts.add("retry headers " + retryHeaderForm.label());
        if (azure) {
            parts.add("azure paths");
        }
        if (faultTriggers) {
            parts.add("fault triggers");
        }
        return String.join(", ", parts);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("realism." + name + " must be a rate in [0, 1], got " + rate);
        }
    }
}
