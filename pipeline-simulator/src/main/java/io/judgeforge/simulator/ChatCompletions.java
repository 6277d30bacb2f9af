package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * POST /v1/chat/completions. The response carries exactly the fields the brief lists: the project
 * mapper fails on unknown properties, so an extra field here could break a client that binds records.
 */
final class ChatCompletions {
  static final int MAX_CHOICES = 16;
  static final int MAX_TOKENS_LIMIT = 1_000_000;

  private final SimulatorSettings settings;

  ChatCompletions(SimulatorSettings settings) {
    this.settings = settings;
  }

  ObjectNode handle(byte[] rawBody) {
    ObjectNode body = RequestFields.parseObject(rawBody);
    String model = RequestFields.requiredString(body, "model");
    List<ChatRequestMessage> messages = messages(body);
    double strength = RequestFields.modelStrength(settings, model);
    RequestFields.rejectStreaming(body);
    // max_completion_tokens is the newer OpenAI name for the same limit.
    OptionalInt maxTokens = RequestFields.optionalInt(body, "max_tokens", 0, MAX_TOKENS_LIMIT);
    if (maxTokens.isEmpty()) {
      maxTokens = RequestFields.optionalInt(body, "max_completion_tokens", 0, MAX_TOKENS_LIMIT);
    }
    int choiceCount = RequestFields.optionalInt(body, "n", 1, MAX_CHOICES).orElse(1);

    RequestFingerprint fingerprint = RequestFingerprint.of(settings.seed(), "chat", model, fingerprintParts(body, messages));
    String prompt = lastUserText(messages);

    ObjectNode response = SimulatorJson.mapper().createObjectNode();
    response.put("id", "chatcmpl-" + fingerprint.hex());
    response.put("object", "chat.completion");
    response.put("created", RequestFingerprint.createdTimestamp(settings.seed()));
    response.put("model", model);
    ArrayNode choices = response.putArray("choices");
    int completionTokens = 0;
    for (int i = 0; i < choiceCount; i++) {
      String content = ChatResponder.reply(prompt, strength, fingerprint.random(i));
      String finishReason = "stop";
      if (maxTokens.isPresent() && Tokenizer.count(content) > maxTokens.getAsInt()) {
        content = Tokenizer.truncate(content, maxTokens.getAsInt());
        finishReason = "length";
      }
      completionTokens += Tokenizer.count(content);
      ObjectNode choice = choices.addObject();
      choice.put("index", i);
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", content);
      choice.put("finish_reason", finishReason);
    }
    int promptTokens = messages.stream().mapToInt(message -> Tokenizer.count(message.content())).sum();
    Usage.put(response, promptTokens, completionTokens);
    return response;
  }

  private static List<ChatRequestMessage> messages(ObjectNode body) {
    JsonNode node = body.get("messages");
    if (node == null || node.isNull()) {
      throw ApiError.invalidRequest("Missing required parameter: 'messages'", "messages", "missing_required_parameter");
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
