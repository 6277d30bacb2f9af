package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The usage block shared by both completion endpoints, counted with {@link Tokenizer}. */
final class Usage {
  private Usage() {}

  static void put(ObjectNode response, int promptTokens, int completionTokens) {
    ObjectNode usage = response.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
  }
}
