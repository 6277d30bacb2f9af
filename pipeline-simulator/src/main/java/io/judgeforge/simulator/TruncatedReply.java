package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@link FaultKind#TRUNCATED} fault: a chat completion cut as if it had hit a token limit the
 * client did not ask for. The reply stays valid (usage agrees with the content), so only a client
 * that checks {@code finish_reason} notices.
 */
final class TruncatedReply {
  private TruncatedReply() {}

  /** Cuts every choice's content to half its tokens, in place. */
  static void apply(ObjectNode chatCompletion) {
    int completionTokens = 0;
    for (JsonNode choice : chatCompletion.path("choices")) {
      ObjectNode message = (ObjectNode) choice.get("message");
      String content = message.get("content").asText();
      String cut = Tokenizer.truncate(content, Tokenizer.count(content) / 2);
      message.put("content", cut);
      ((ObjectNode) choice).put("finish_reason", "length");
      completionTokens += Tokenizer.count(cut);
    }
    int promptTokens = chatCompletion.path("usage").path("prompt_tokens").asInt();
    Usage.put(chatCompletion, promptTokens, completionTokens);
  }
}
