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
        Realism realism = settings.realism();
        if (realism.isReasoningModel(model)) {
            throw ApiError.chatModelOnCompletions();
        }
        RequestFields.rejectStreaming(body);
        int maxTokens = RequestFields.optionalInt(body, "max_tokens", 0, MAX_TOKENS_LIMIT)
                .orElse(DEFAULT_MAX_TOKENS);
        boolean echo = RequestFields.optionalBoolean(body, "echo", false);
        OptionalInt logprobs = RequestFields.optionalInt(body, "logprobs", 0, MAX_LOGPROBS);

        // No max_tokens in the fingerprint: a longer limit extends the same filler instead of replacing it.
        RequestFingerprint fingerprint = RequestFingerprint.of(settings.seed(), "text", model, List.of(prompt));
        List<String> generated = FillerText.tokens(maxTokens, fingerprint.random(0));
        // Generated tokens are scored in the context of the prompt, echoed or not, as a real model would.
        List<Token> all =
                realism.wireTokens() ? wireTokens(prompt, generated, realism) : plainTokens(prompt, generated);
        int promptTokens = all.size() - generated.size();
        if (realism.contextTokens() > 0 && promptTokens + maxTokens > realism.contextTokens()) {
            throw ApiError.contextLengthExceeded(realism.contextTokens(), promptTokens, maxTokens, "prompt");
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
            int first = echo ? 0 : promptTokens;
            // vLLM counts offsets from the start of what it returns; OpenAI from the start of the prompt.
            int offsetBase = realism.bos() && !echo && first < all.size()
                    ? all.get(first).offset()
                    : 0;
            choice.set("logprobs", logprobBlock(all, first, offsetBase, realism.bos()));
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", "length");
        Usage.put(response, promptTokens, generated.size());
        return response;
    }

    /** The simulator's own tokens; offsets in Java chars, which equal code points for its ASCII filler. */
    private static List<Token> plainTokens(String prompt, List<String> generated) {
        List<Token> all = new ArrayList<>(Tokenizer.tokenize(prompt));
        int offset = prompt.length();
        for (String text : generated) {
            all.add(new Token(text, offset));
            offset += text.length();
        }
        return all;
    }

    /**
     * A real server's tokens: the BOS first if asked for, byte tokens if asked for, and every offset
     * the running sum of the decoded tokens' lengths in code points, so they include the BOS text and
     * drift from the returned text wherever byte tokens stand for a character.
     */
    private static List<Token> wireTokens(String prompt, List<String> generated, Realism realism) {
        List<String> texts = new ArrayList<>();
        if (realism.bos()) {
            texts.add(WireTokenizer.BOS);
        }
        texts.addAll(WireTokenizer.tokenize(prompt, realism.byteTokens()));
        texts.addAll(generated);
        List<Token> all = new ArrayList<>(texts.size());
        int offset = 0;
        for (String text : texts) {
            all.add(new Token(text, offset));
            offset += WireTokenizer.length(text);
        }
        return all;
    }

    /**
     * Tokens from {@code first} on. Offsets count from the start of the prompt even when it is not
     * echoed, as OpenAI's do, less {@code offsetBase}; with echo they are positions in the returned
     * text. The very first token of the text (the prompt's, or the BOS) has no context, so its logprob
     * is null. With {@code topLogprobs} (vLLM) {@code top_logprobs} lists each token's own logprob, null
     * where it has none; otherwise it is null, as the simulator had it.
     */
    private static ObjectNode logprobBlock(List<Token> all, int first, int offsetBase, boolean topLogprobs) {
        double[] values = TokenLogprobModel.logprobs(all);
        ObjectNode block = SimulatorJson.mapper().createObjectNode();
        ArrayNode tokens = block.putArray("tokens");
        ArrayNode tokenLogprobs = block.putArray("token_logprobs");
        ArrayNode textOffsets = block.putArray("text_offset");
        ArrayNode top = topLogprobs ? SimulatorJson.mapper().createArrayNode() : null;
        for (int i = first; i < all.size(); i++) {
            tokens.add(all.get(i).text());
            if (i == 0) {
                tokenLogprobs.addNull();
            } else {
                tokenLogprobs.add(values[i]);
            }
            if (top != null) {
                if (i == 0) {
                    top.addNull();
                } else {
                    top.addObject().put(all.get(i).text(), values[i]);
                }
            }
            textOffsets.add(all.get(i).offset() - offsetBase);
        }
        if (top != null) {
            block.set("top_logprobs", top);
        } else {
            block.putNull("top_logprobs");
        }
        return block;
    }
}
