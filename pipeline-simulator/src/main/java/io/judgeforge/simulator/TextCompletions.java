package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * POST /v1/completions, the legacy endpoint the pipeline uses to score text: with echo and logprobs
 * it returns the log-probability of every prompt token, from which the IFD score is computed.
 */
final class TextCompletions {
  /** OpenAI's default for the legacy endpoint. */
  static final int DEFAULT_MAX_TOKENS = 16;
  static final int MAX_TOKENS_LIMIT = 4096;
  static final int MAX_LOGPROBS = 20;

  private final SimulatorSettings settings;

  TextCompletions(SimulatorSettings settings) {
    this.settings = settings;
  }

  ObjectNode handle(byte[] rawBody) {
    ObjectNode body = RequestFields.parseObject(rawBody);
    String model = RequestFields.requiredString(body, "model");
    String prompt = RequestFields.requiredString(body, "prompt");
    RequestFields.modelStrength(settings, model);
    RequestFields.rejectStreaming(body);
    int maxTokens = RequestFields.optionalInt(body, "max_tokens", 0, MAX_TOKENS_LIMIT).orElse(DEFAULT_MAX_TOKENS);
    boolean echo = RequestFields.optionalBoolean(body, "echo", false);
    OptionalInt logprobs = RequestFields.optionalInt(body, "logprobs", 0, MAX_LOGPROBS);

    // No max_tokens in the fingerprint: a longer limit extends the same filler instead of replacing it.
    RequestFingerprint fingerprint = RequestFingerprint.of(settings.seed(), "text", model, List.of(prompt));
    List<Token> promptTokens = Tokenizer.tokenize(prompt);
    List<String> generated = FillerText.tokens(maxTokens, fingerprint.random(0));

    // Generated tokens are scored in the context of the prompt, echoed or not, as a real model would.
    List<Token> all = new ArrayList<>(promptTokens);
    int offset = prompt.length();
    for (String text : generated) {
      all.add(new Token(text, offset));
      offset += text.length();
    }
    String generatedText = String.join("", generated);

    ObjectNode response = SimulatorJson.mapper().createObjectNode();
    response.put("id", "cmpl-" + fingerprint.hex());
    response.put("object", "text_completion");
    response.put("created", RequestFingerprint.createdTimestamp(settings.seed()));
    response.put("model", model);
    ArrayNode choices = response.putArray("choices");
    ObjectNode choice = choices.addObject();
    choice.put("index", 0);
    choice.put("text", echo ? prompt + generatedText : generatedText);
    if (logprobs.isPresent()) {
      choice.set("logprobs", logprobBlock(all, echo ? 0 : promptTokens.size()));
    } else {
      choice.putNull("logprobs");
    }
    choice.put("finish_reason", "length");
    Usage.put(response, promptTokens.size(), generated.size());
    return response;
  }

  /**
   * Tokens from {@code first} on. Offsets count from the start of the prompt even when it is not
   * echoed, as OpenAI's do; with echo they are positions in the returned text. The very first token
   * of the text (normally the prompt's) has no context, so its logprob is null.
   */
  private static ObjectNode logprobBlock(List<Token> all, int first) {
    double[] values = TokenLogprobModel.logprobs(all);
    ObjectNode block = SimulatorJson.mapper().createObjectNode();
    ArrayNode tokens = block.putArray("tokens");
    ArrayNode tokenLogprobs = block.putArray("token_logprobs");
    ArrayNode textOffsets = block.putArray("text_offset");
    for (int i = first; i < all.size(); i++) {
      tokens.add(all.get(i).text());
      if (i == 0) {
        tokenLogprobs.addNull();
      } else {
        tokenLogprobs.add(values[i]);
      }
      textOffsets.add(all.get(i).offset());
    }
    block.putNull("top_logprobs");
    return block;
  }
}
