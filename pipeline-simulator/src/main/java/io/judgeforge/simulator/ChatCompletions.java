package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * POST /v1/chat/completions. Without {@link Realism} the response carries exactly the fields the brief
 * lists: the project mapper fails on unknown properties, so an extra field here could break a client
 * that binds records. With it, the reply has what the real APIs add: {@code refusal},
 * {@code reasoning_content}, {@code content_filter_results}, usage details, and nulls where content
 * was refused, filtered or never reached.
 */
final class ChatCompletions {
    static final int MAX_CHOICES = 16;
    static final int MAX_TOKENS_LIMIT = 1_000_000;

    /** What a refusing model says, in OpenAI's {@code message.refusal}. */
    static final String REFUSAL = "I'm sorry, I can't help with that.";
    /** Choice streams for the realism draws, far from the choice indexes the answers are drawn from. */
    private static final int REFUSAL_STREAM = 1_000_000;

    private static final int CONTENT_FILTER_STREAM = 2_000_000;
    private static final int REASONING_STREAM = 3_000_000;
    private static final List<String> FILTER_CATEGORIES = List.of("hate", "self_harm", "sexual", "violence");

    private final SimulatorSettings settings;
    private final PromptCache promptCache = new PromptCache();

    ChatCompletions(SimulatorSettings settings) {
        this.settings = settings;
    }

    ObjectNode handle(byte[] rawBody) {
        ObjectNode body = RequestFields.parseObject(rawBody);
        String model = RequestFields.requiredString(body, "model");
        List<ChatRequestMessage> messages = messages(body);
        double strength = RequestFields.modelStrength(settings, model);
        RequestFields.rejectStreaming(body);
        StoredCompletions.check(body);
        Realism realism = settings.realism();
        boolean reasoning = realism.isReasoningModel(model);
        if (reasoning) {
            rejectWhatReasoningModelsReject(body);
        }
        // max_completion_tokens is the newer OpenAI name for the same limit.
        OptionalInt maxTokens = RequestFields.optionalInt(body, "max_tokens", 0, MAX_TOKENS_LIMIT);
        if (maxTokens.isEmpty()) {
            maxTokens = RequestFields.optionalInt(body, "max_completion_tokens", 0, MAX_TOKENS_LIMIT);
        }
        int choiceCount = RequestFields.optionalInt(body, "n", 1, MAX_CHOICES).orElse(1);
        int promptTokens = messages.stream()
                .mapToInt(message -> Tokenizer.count(message.content()))
                .sum();
        int requested = maxTokens.orElse(0);
        if (realism.contextTokens() > 0 && promptTokens + requested > realism.contextTokens()) {
            throw ApiError.contextLengthExceeded(realism.contextTokens(), promptTokens, requested, "messages");
        }

        RequestFingerprint fingerprint =
                RequestFingerprint.of(settings.seed(), "chat", model, fingerprintParts(body, messages));
        String prompt = lastUserText(messages);

        ObjectNode response = SimulatorJson.mapper().createObjectNode();
        response.put("id", "chatcmpl-" + fingerprint.hex());
        response.put("object", "chat.completion");
        response.put("created", RequestFingerprint.createdTimestamp(settings.seed()));
        response.put("model", model);
        ArrayNode choices = response.putArray("choices");
        int completionTokens = 0;
        int reasoningTokens = 0;
        for (int i = 0; i < choiceCount; i++) {
            ObjectNode choice = choices.addObject();
            choice.put("index", i);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            if (fingerprint.random(CONTENT_FILTER_STREAM + i).nextDouble() < realism.contentFilterRate()) {
                // Azure stops the completion and leaves content out altogether.
                choice.put("finish_reason", "content_filter");
                putFilterResults(choice, fingerprint.random(CONTENT_FILTER_STREAM + i));
                continue;
            }
            if (fingerprint.random(REFUSAL_STREAM + i).nextDouble() < realism.refusalRate()) {
                message.putNull("content");
                message.put("refusal", REFUSAL);
                choice.put("finish_reason", "stop");
                completionTokens += Tokenizer.count(REFUSAL);
                continue;
            }
            int budget = maxTokens.orElse(Integer.MAX_VALUE);
            String thinking = reasoning ? ReasoningText.write(fingerprint.random(REASONING_STREAM + i)) : "";
            int thought = Tokenizer.count(thinking);
            if (reasoning && thought >= budget) {
                // The limit ran out while thinking: no answer at all, as with OpenAI's reasoning models.
                thinking = Tokenizer.truncate(thinking, budget);
                thought = Tokenizer.count(thinking);
                message.putNull("content");
                putRefusalField(message, realism);
                message.put("reasoning_content", thinking);
                choice.put("finish_reason", "length");
                completionTokens += thought;
                reasoningTokens += thought;
                continue;
            }
            String content = ChatResponder.reply(prompt, strength, fingerprint.random(i));
            String finishReason = "stop";
            int left = budget - thought;
            if (maxTokens.isPresent() && Tokenizer.count(content) > left) {
                content = Tokenizer.truncate(content, left);
                finishReason = "length";
            }
            completionTokens += Tokenizer.count(content) + thought;
            reasoningTokens += thought;
            message.put("content", content);
            putRefusalField(message, realism);
            if (reasoning) {
                message.put("reasoning_content", thinking);
            }
            choice.put("finish_reason", finishReason);
        }
        Usage.put(response, promptTokens, completionTokens);
        if (realism.usageDetails()) {
            Usage.putDetails(response, promptCache.cachedTokens(model, cacheTokens(messages)), reasoningTokens);
        } else if (reasoning) {
            Usage.putDetails(response, 0, reasoningTokens);
        }
        return response;
    }

    /** Where refusals can happen, every message has the field, null unless it refused, as OpenAI's do. */
    private static void putRefusalField(ObjectNode message, Realism realism) {
        if (realism.refusalRate() > 0) {
            message.putNull("refusal");
        }
    }

    /**
     * OpenAI's o-series and GPT-5 refuse {@code max_tokens} and any temperature but 1; they take
     * {@code max_completion_tokens}.
     */
    private static void rejectWhatReasoningModelsReject(ObjectNode body) {
        JsonNode maxTokens = body.get("max_tokens");
        if (maxTokens != null && !maxTokens.isNull()) {
            throw ApiError.unsupportedParameter("max_tokens", "max_completion_tokens");
        }
        JsonNode temperature = body.get("temperature");
        if (temperature != null
                && !temperature.isNull()
                && !(temperature.isNumber() && temperature.doubleValue() == 1.0)) {
            throw ApiError.unsupportedValue("temperature", temperature.toString(), "1");
        }
    }

    /** Azure's per-category verdicts: one category, drawn per choice, filtered at medium severity. */
    private static void putFilterResults(ObjectNode choice, java.util.SplittableRandom random) {
        random.nextDouble();
        String filtered = FILTER_CATEGORIES.get(random.nextInt(FILTER_CATEGORIES.size()));
        ObjectNode results = choice.putObject("content_filter_results");
        for (String category : FILTER_CATEGORIES) {
            ObjectNode verdict = results.putObject(category);
            verdict.put("filtered", category.equals(filtered));
            verdict.put("severity", category.equals(filtered) ? "medium" : "safe");
        }
    }

    /** The prompt's tokens for the prompt cache, each tagged with its message's role. */
    private static List<String> cacheTokens(List<ChatRequestMessage> messages) {
        List<String> tokens = new ArrayList<>();
        for (ChatRequestMessage message : messages) {
            for (Token token : Tokenizer.tokenize(message.content())) {
                tokens.add(message.role() + ":" + token.text());
            }
        }
        return tokens;
    }

    private static List<ChatRequestMessage> messages(ObjectNode body) {
        JsonNode node = body.get("messages");
        if (node == null || node.isNull()) {
            throw ApiError.invalidRequest(
                    "Missing required parameter: 'messages'", "messages", "missing_required_parameter");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ApiError.invalidRequest("'messages' must be a non-empty array", "messages", "invalid_value");
        }
        List<ChatRequestMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            messages.add(ChatRequestMessage.fromJson(node.get(i), i));
        }
        return messages;
    }

    /** The prompt kind is read from the last user message; without one, from the last message. */
    private static String lastUserText(List<ChatRequestMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).content();
            }
        }
        return messages.get(messages.size() - 1).content();
    }

    /**
     * The whole conversation decides the answer, and so does the request's own seed, which is how
     * OpenAI clients ask for a different sample of the same prompt. max_tokens is left out on purpose:
     * a shorter limit then gives a prefix of the longer answer, as with a real model.
     */
    private static List<String> fingerprintParts(ObjectNode body, List<ChatRequestMessage> messages) {
        List<String> parts = new ArrayList<>();
        for (ChatRequestMessage message : messages) {
            parts.add(message.role());
            parts.add(message.content());
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull()) {
            parts.add("seed=" + seed);
        }
        return parts;
    }
}
