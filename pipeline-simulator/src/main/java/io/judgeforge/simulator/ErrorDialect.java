package io.judgeforge.simulator;

import java.util.Locale;

/** How error bodies are written: the two shapes OpenAI-compatible servers answer with. */
public enum ErrorDialect {
    /** {@code {"error": {"message", "type", "param", "code"}}}, code a string or null. */
    OPENAI,
    /**
     * vLLM's {@code {"object": "error", "message", "type", "param", "code"}}, type an exception-like name
     * ({@code BadRequestError}, {@code NotFoundError}) and code the HTTP status as a number; a wrong
     * key is vLLM's bare {@code {"error": "Unauthorized"}}.
     */
    VLLM;

    /** Parses {@code openai} or {@code vllm}, ignoring case. */
    public static ErrorDialect parse(String name) {
        for (ErrorDialect dialect : values()) {
            if (dialect.name().equalsIgnoreCase(name)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("error dialect must be openai or vllm, got '" + name + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
