package io.judgeforge.teacher.http;

import java.io.IOException;

/** Sends one HTTP attempt of a request to an endpoint; retries, limits and meaning are the callers'. */
public interface Transport {
    /** POSTs {@code body} to {@code path} (for example /chat/completions) for {@code model}. */
    HttpReply post(String path, String model, byte[] body) throws IOException;

    /** GETs {@code path} with {@code query} (names and values as they are; the transport encodes them). */
    HttpReply get(String path, String model, java.util.Map<String, String> query) throws IOException;

    /** {@code text} with any secret this transport holds taken out, for error messages. */
    default String redact(String text) {
        return text;
    }
}
