package io.judgeforge.teacher;

import java.io.Serializable;

/** One message of a chat request or of an exported chat record. */
public record ChatMessage(String role, String content) implements Serializable {
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
