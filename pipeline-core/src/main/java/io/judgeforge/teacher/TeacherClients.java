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
    private final io.judgeforge.config.PipelineConfig.Batch batch;
    private final transient io.judgeforge.teacher.call.Caller deferring;
    private final transient java.util.function.Consumer<String> batchProgress;
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
        this(endpoints, store, spending, keys, CallEvents.NONE, null, null, null);
    }

    private TeacherClients(
            Map<String, Endpoint> endpoints,
            ResponseStore.Factory store,
            Spending spending,
            ApiKeys keys,
            CallEvents events,
            io.judgeforge.config.PipelineConfig.Batch batch,
            io.judgeforge.teacher.call.Caller deferring,
            java.util.function.Consumer<String> batchProgress) {
        this.endpoints = Map.copyOf(endpoints);
        this.store = store;
        this.spending = spending;
        this.keys = keys;
        this.events = events;
        this.batch = batch;
        this.deferring = deferring;
        this.batchProgress = batchProgress;
    }

    /** The same clients, telling {@code events} of every attempt they put on the wire (for live progress). */
    public TeacherClients withEvents(CallEvents events) {
        return new TeacherClients(endpoints, store, spending, keys, events, batch, deferring, batchProgress);
    }

    /**
     * These clients for a stage whose calls go out as provider batches ({@code batch.stages}); the
     * driver says what its batches do to {@code progress}.
     */
    public TeacherClients inBatches(
            io.judgeforge.config.PipelineConfig.Batch settings, java.util.function.Consumer<String> progress) {
        return new TeacherClients(endpoints, store, spending, keys, events, settings, null, progress);
    }

    /** Where the driver reports what the batches do (nowhere on an executor). */
    public java.util.function.Consumer<String> batchProgress() {
        return batchProgress == null ? line -> {} : batchProgress;
    }

    /** The batch settings when this stage's calls go out as batches; null when they are made online. */
    public io.judgeforge.config.PipelineConfig.Batch batch() {
        return batch;
    }

    /** The same clients, made online: for the items a batch left unanswered. */
    public TeacherClients online() {
        return new TeacherClients(endpoints, store, spending, keys, events, null, null, null);
    }

    /**
     * Clients that make no call: a request the response store answers is answered from it, any other
     * is handed to {@code pending} and answered as not sent (a transient failure), so one item's
     * requests can be collected for a batch. Meant for one item at a time.
     */
    public TeacherClients deferring(java.util.function.Consumer<io.judgeforge.teacher.call.WireRequest> pending) {
        TeacherClients view = new TeacherClients(
                endpoints,
                store,
                spending,
                keys,
                events,
                batch,
                request -> {
                    java.util.Optional<io.judgeforge.teacher.call.Reply> stored =
                            io.judgeforge.teacher.call.StoredCaller.answerFromStore(openStore(), request);
                    if (stored.isPresent()) {
                        return stored.get();
                    }
                    pending.accept(request);
                    return io.judgeforge.teacher.call.Reply.notSent(
                            CallOutcome.TRANSIENT, "deferred to a provider batch", request.key());
                },
                null);
        view.openStore = openStore();
        return view;
    }

    /** The store this JVM's clients use, opened on first use. */
    public synchronized ResponseStore openStore() {
        if (openStore == null) {
            openStore = store.open();
        }
        return openStore;
    }

    /** The key of endpoint {@code name}, as its clients send it (the driver's, or this JVM's environment). */
    public String apiKey(String name) {
        return EndpointClient.apiKey(endpoints.get(name), keys.environment(System::getenv));
    }

    /** The prices (and budget) these clients charge with. */
    public Spending spending() {
        return spending;
    }

    public Endpoint endpoint(String name) {
        return endpoints.get(name);
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
        ResponseStore opened = openStore();
        if (deferring != null) {
            return clients.computeIfAbsent(name, n -> new EndpointClient(n, endpoint, deferring));
        }
        return clients.computeIfAbsent(
                name,
                n -> new EndpointClient(
                        n, endpoint, opened, spending, keys.environment(System::getenv), Thread::sleep, events));
    }
}
