package io.judgeforge.teacher.recover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.json.Json;
import io.judgeforge.teacher.call.InFlightRecovery;
import io.judgeforge.teacher.call.Reply;
import io.judgeforge.teacher.call.WireRequest;
import io.judgeforge.teacher.http.HttpReply;
import io.judgeforge.teacher.http.Transport;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recovery through OpenAI's stored chat completions ({@code endpoints.*.recover-in-flight:
 * stored-completions}): every chat request is sent with {@code store: true} and its request key in
 * {@code metadata}, so the provider keeps the completion it produces even when the client that asked
 * died before reading it. A request whose claim lapsed is first looked up with
 * {@code GET /chat/completions?metadata[judgeforge_request]=KEY}; a usable completion found there is
 * the answer, already paid for. Only chat requests carry the key: {@code /completions} has no store.
 *
 * <p>An endpoint without the API (vLLM answers 405; gateways 404) or a key without the permission to
 * read completions (401, 403) turns recovery off for this JVM with one line on the console; any other
 * failure of the lookup (429, 5xx, I/O) only means the request is made again.
 */
public final class StoredCompletionRecovery implements InFlightRecovery {
    /** The metadata key that carries the request key. */
    public static final String METADATA_KEY = "judgeforge_request";

    static final String CHAT_PATH = "/chat/completions";

    private final Transport transport;
    private final String endpointName;
    private final AtomicBoolean unsupported = new AtomicBoolean();

    public StoredCompletionRecovery(Transport transport, String endpointName) {
        this.transport = transport;
        this.endpointName = endpointName;
    }

    /** {@code body} as sent: with {@code store: true} and the request key in its metadata. */
    public static String marked(ObjectNode body, String requestKey) {
        ObjectNode sent = body.deepCopy();
        sent.put("store", true);
        sent.putObject("metadata").put(METADATA_KEY, requestKey);
        return Json.write(sent);
    }

    @Override
    public Optional<Reply> recover(WireRequest request) {
        if (!CHAT_PATH.equals(request.path()) || unsupported.get()) {
            return Optional.empty();
        }
        HttpReply reply;
        try {
            reply = transport.get(
                    CHAT_PATH, request.model(), Map.of("metadata[" + METADATA_KEY + "]", request.key(), "limit", "10"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (reply.status() == 404 || reply.status() == 405 || reply.status() == 401 || reply.status() == 403) {
            if (unsupported.compareAndSet(false, true)) {
                System.err.printf(
                        "judgeforge: endpoint %s does not let this key read stored completions (HTTP %d on GET %s):"
                                + " recover-in-flight is off for it in this JVM, and a request in flight when a run died is made again%n",
                        endpointName, reply.status(), CHAT_PATH);
            }
            return Optional.empty();
        }
        if (!reply.successful()) {
            return Optional.empty();
        }
        try {
            for (JsonNode completion : Json.mapper().readTree(reply.body()).path("data")) {
                if (request.shape().usable(completion)) {
                    return Optional.of(Reply.stored(completion, Json.write(completion), request.key()));
                }
            }
        } catch (IOException e) {
            // An unreadable list is no answer: the request is made again.
        }
        return Optional.empty();
    }
}
