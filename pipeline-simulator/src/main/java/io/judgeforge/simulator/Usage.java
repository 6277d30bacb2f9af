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

    /** OpenAI's token details, added to a usage block {@link #put} wrote. */
    static void putDetails(ObjectNode response, int cachedTokens, int reasoningTokens) {
        ObjectNode usage = (ObjectNode) response.get("usage");
        ObjectNode prompt = usage.putObject("prompt_tokens_details");
        prompt.put("cached_tokens", cachedTokens);
        prompt.put("audio_tokens", 0);
        ObjectNode completion = usage.putObject("completion_tokens_details");
        completion.put("reasoning_tokens", reasoningTokens);
        completion.put("audio_tokens", 0);
        completion.put("accepted_prediction_tokens", 0);
        completion.put("rejected_prediction_tokens", 0);
    }
}
