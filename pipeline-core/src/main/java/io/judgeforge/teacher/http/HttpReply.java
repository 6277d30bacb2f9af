package io.judgeforge.teacher.http;

import java.util.Locale;
import java.util.Map;

/** One HTTP answer as received: status, headers (names lower-cased) and the body text. */
public record HttpReply(int status, Map<String, String> headers, String body) {
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
