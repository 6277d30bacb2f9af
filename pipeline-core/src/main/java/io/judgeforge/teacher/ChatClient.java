package io.judgeforge.teacher;

import java.util.List;

/**
 * Chat completions from an OpenAI-compatible endpoint. The endpoint is the call's
 * ({@link ModelCall#endpoint()}). Failures come back as outcomes in the result; only a fatal
 * answer, one that every request would meet, is thrown ({@link FatalEndpointException}).
 */
public interface ChatClient {
    /** One chat completion, made with the template of version {@code templateVersion} (part of the request key). */
    ChatResult chat(ModelCall call, List<ChatMessage> messages, String templateVersion);
}
