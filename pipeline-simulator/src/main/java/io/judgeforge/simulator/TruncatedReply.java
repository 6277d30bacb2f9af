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

    /**
     * Cuts every choice's content to half its tokens, in place. A choice without text (refused,
     * filtered) is left as it is; usage then counts only the text that is left, as before realism.
     */
    static void apply(ObjectNode chatCompletion) {
        int completionTokens = 0;
        for (JsonNode choice : chatCompletion.path("choices")) {
            ObjectNode message = (ObjectNode) choice.get("message");
            JsonNode text = message.get("content");
            if (text == null || !text.isTextual()) {
                continue;
            }
            String content = text.asText();
            String cut = Tokenizer.truncate(content, Tokenizer.count(content) / 2);
            message.put("content", cut);
            ((ObjectNode) choice).put("finish_reason", "length");
            completionTokens += Tokenizer.count(cut);
        }
        JsonNode usage = chatCompletion.path("usage");
        int promptTokens = usage.path("prompt_tokens").asInt();
        JsonNode promptDetails = usage.get("prompt_tokens_details");
        JsonNode completionDetails = usage.get("completion_tokens_details");
        Usage.put(chatCompletion, promptTokens, completionTokens);
        if (completionDetails != null) {
            // Thinking done before the cut is still paid for.
            completionTokens += completionDetails.path("reasoning_tokens").asInt();
            Usage.put(chatCompletion, promptTokens, completionTokens);
        }
        if (promptDetails != null) {
            ((ObjectNode) chatCompletion.get("usage")).set("prompt_tokens_details", promptDetails);
            ((ObjectNode) chatCompletion.get("usage")).set("completion_tokens_details", completionDetails);
        }
    }
}
