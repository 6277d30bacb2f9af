package io.judgeforge.teacher;

import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.call.CallEvents;
import io.judgeforge.teacher.cost.Spending;
import io.judgeforge.teacher.store.ResponseStore;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's endpoints by name: every call goes to the endpoint it names, through that endpoint's
 * client, built on first use on the executor that needs it, with the keys the driver read
 * ({@link ApiKeys}) where the executor's environment has none.
 */
public final class TeacherClients implements ChatClient, CompletionClient, Serializable {
    private final Map<String, Endpoint> endpoints;
    private final ResponseStore.Factory store;
    private final Spending spending;
    private final ApiKeys keys;
    private final CallEvents events;
    private transient Map<String, EndpointClient> clients;
    private transient ResponseStore openStore;

    public TeacherClients(Map<String, Endpoint> endpoints, ResponseStore.Factory store) {
        this(endpoints, store, Spending.NONE);
    }

    public TeacherClients(Map<String, Endpoint> endpoints, ResponseStore.Factory store, Spending spending) {
        this(endpoints, store, spending, ApiKeys.NONE);
    }

    /** {@code keys}: the keys the driver read, for executors whose environment lacks them. */
    public TeacherClients(
            Map<String, Endpoint> endpoints, ResponseStore.Factory store, Spending spending, ApiKeys keys) {
        this(endpoints, store, spending, keys, CallEvents.NONE);
    }

    private TeacherClients(
            Map<String, Endpoint> endpoints,
            ResponseStore.Factory store,
            Spending spending,
            ApiKeys keys,
            CallEvents events) {
        this.endpoints = Map.copyOf(endpoints);
        this.store = store;
        this.spending = spending;
        this.keys = keys;
        this.events = events;
    }

    /** The same clients, telling {@code events} of every attempt they put on the wire (for live progress). */
    public TeacherClients withEvents(CallEvents events) {
        return new TeacherClients(endpoints, store, spending, keys, events);
    }

    @Override
    public ChatResult chat(ModelCall call, List<ChatMessage> messages, String templateVersion) {
        return get(call.endpoint()).chat(call, messages, templateVersion);
    }

    @Override
    public LogprobResult promptLogprobs(ScorerCall call, String prompt) {
        return get(call.endpoint()).promptLogprobs(call, prompt);
    }

    /** The longest one attempt at any of the endpoints may take: how long a call on the wire may still need. */
    public long longestAttemptMs() {
        return endpoints.values().stream().mapToLong(Endpoint::timeoutMs).max().orElse(0);
    }

    public synchronized EndpointClient get(String name) {
        if (clients == null) {
            clients = new ConcurrentHashMap<>();
        }
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException(
                    "Unknown endpoint '" + name + "' (configured: " + endpoints.keySet() + ")");
        }
        if (openStore == null) {
            openStore = store.open();
        }
        return clients.computeIfAbsent(
                name,
                n -> new EndpointClient(
                        n, endpoint, openStore, spending, keys.environment(System::getenv), Thread::sleep, events));
    }
}
