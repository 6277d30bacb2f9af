package io.judgeforge.teacher;

import io.judgeforge.json.Json;
import io.judgeforge.prompt.PromptTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A canonical hash of a teacher request: model, sampling parameters, messages and template version. */
public final class RequestHash {
  private RequestHash() {}

  public static String of(ModelCall call, List<ChatMessage> messages, String templateVersion) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("endpoint", call.endpoint());
    canonical.put("model", call.model());
    canonical.put("temperature", call.temperature());
    canonical.put("max_tokens", call.maxTokens());
    canonical.put("messages", messages);
    canonical.put("template", templateVersion);
    return PromptTemplate.sha256(Json.write(canonical));
  }
}
