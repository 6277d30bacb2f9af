package io.judgeforge.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/** One message of a chat request, with its content flattened to text. */
record ChatRequestMessage(String role, String content) {

    /**
     * Accepts the shapes OpenAI clients send: a string, a list of content parts (their text parts are
     * joined; images and the like carry no text a simulator could use), or null.
     */
    static ChatRequestMessage fromJson(JsonNode node, int index) {
        String param = "messages[" + index + "]";
        if (node == null || !node.isObject()) {
            throw ApiError.invalidRequest(param + " must be an object", param, "invalid_type");
        }
        JsonNode role = node.get("role");
        if (role == null || !role.isTextual()) {
            throw ApiError.invalidRequest(param + ".role must be a string", param + ".role", "invalid_type");
        }
        return new ChatRequestMessage(role.textValue(), contentText(node.get("content"), param + ".content"));
    }

    private static String contentText(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                JsonNode partText = part.get("text");
                if (partText != null && partText.isTextual()) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(partText.textValue());
                }
            }
            return text.toString();
        }
        throw ApiError.invalidRequest(param + " must be a string or a list of content parts", param, "invalid_type");
    }
}
