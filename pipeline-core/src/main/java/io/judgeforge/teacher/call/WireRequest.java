package io.judgeforge.teacher.call;

import io.judgeforge.hash.Sha256;
import io.judgeforge.teacher.http.ReplyShape;

/**
 * One request as it goes on the wire, with what the decorators need to know of it. {@code key} is
 * the request key: a hash of the endpoint's name, the path, the template version and the body, so
 * the same request to the same named endpoint has the same key on every run.
 */
public record WireRequest(
        String endpoint,
        String path,
        String model,
        String body,
        String templateVersion,
        int maxTokens,
        ReplyShape shape,
        String key) {
    public static WireRequest of(
            String endpoint,
            String path,
            String model,
            String body,
            String templateVersion,
            int maxTokens,
            ReplyShape shape) {
        String key = Sha256.hex(endpoint + "\n" + path + "\n" + templateVersion + "\n" + body);
        return new WireRequest(endpoint, path, model, body, templateVersion, maxTokens, shape, key);
    }

    /** The same request, keyed as before, with {@code sent} as the body on the wire. */
    public WireRequest withBody(String sent) {
        return new WireRequest(endpoint, path, model, sent, templateVersion, maxTokens, shape, key);
    }
}
