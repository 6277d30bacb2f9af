package io.judgeforge.teacher.call;

import io.judgeforge.json.Json;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.store.ResponseStore;
import io.judgeforge.teacher.store.StoredResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The response store in front of the calls. A request already answered is answered from the store
 * without a call (and without a budget check: it costs nothing now). Identical requests in flight at
 * once in one JVM share one call, and a claim in the store keeps two attempts of one Spark task from
 * both paying for it. A claim is short-lived and renewed while its call runs, so the claim of a
 * JVM that was killed mid-call lapses within one lease and never stalls a rerun; a live rival is
 * waited for up to {@code maxRivalWaitMs}, after which the call goes ahead. A claim that lapsed
 * unreleased may have had its request on the wire when its JVM died: the {@link InFlightRecovery}
 * is asked for that answer before the request is made again. Only a usable reply ({@link CallOutcome#OK}) is stored: a refusal, a cut-off
 * or filtered answer or an error is asked again on the next run.
 */
public final class StoredCaller implements Caller {
    private static final Map<String, CompletableFuture<Reply>> IN_FLIGHT = new ConcurrentHashMap<>();
    private static final long CLAIM_POLL_MS = 200;
    private static final java.util.concurrent.ScheduledExecutorService RENEWALS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "judgeforge-claim-renewals");
                t.setDaemon(true);
                return t;
            });

    private final Caller next;
    private final ResponseStore store;
    private final long maxRivalWaitMs;
    private final long leaseMs;
    private final long renewMs;
    private final Map<String, CompletableFuture<Reply>> inFlight;
    private final Sleeper sleeper;
    private final InFlightRecovery recovery;

    public StoredCaller(Caller next, ResponseStore store, long maxRivalWaitMs, Sleeper sleeper) {
        this(next, store, maxRivalWaitMs, sleeper, InFlightRecovery.NONE);
    }

    public StoredCaller(
            Caller next, ResponseStore store, long maxRivalWaitMs, Sleeper sleeper, InFlightRecovery recovery) {
        // A running call renews its claim three times a lease, so one slow write never loses it.
        this(next, store, maxRivalWaitMs, store.claimLeaseMs(), store.claimLeaseMs() / 3, IN_FLIGHT, sleeper, recovery);
    }

    /** With other claim timings and an in-flight table of its own (a test's second "JVM"). */
    StoredCaller(
            Caller next,
            ResponseStore store,
            long maxRivalWaitMs,
            long leaseMs,
            long renewMs,
            Map<String, CompletableFuture<Reply>> inFlight,
            Sleeper sleeper) {
        this(next, store, maxRivalWaitMs, leaseMs, renewMs, inFlight, sleeper, InFlightRecovery.NONE);
    }

    StoredCaller(
            Caller next,
            ResponseStore store,
            long maxRivalWaitMs,
            long leaseMs,
            long renewMs,
            Map<String, CompletableFuture<Reply>> inFlight,
            Sleeper sleeper,
            InFlightRecovery recovery) {
        this.recovery = recovery;
        this.next = next;
        this.store = store;
        this.maxRivalWaitMs = maxRivalWaitMs;
        this.leaseMs = leaseMs;
        this.renewMs = renewMs;
        this.inFlight = inFlight;
        this.sleeper = sleeper;
    }

    @Override
    public Reply call(WireRequest request) {
        Optional<Reply> stored = fromStore(request);
        if (stored.isPresent()) {
            return stored.get();
        }
        CompletableFuture<Reply> mine = new CompletableFuture<>();
        CompletableFuture<Reply> running = inFlight.putIfAbsent(request.key(), mine);
        if (running != null) {
            // The same request is being made in this JVM right now: share its outcome, pay once.
            Reply shared;
            try {
                shared = running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reply.interrupted(request.key(), 0, 0);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            if (shared.interrupted()) {
                // The first caller's task was killed, not the request answered: make it ourselves.
                return call(request);
            }
            // Its cost and attempts were the first caller's: counted once, not once per waiter.
            return shared.ok() ? shared.asStored() : shared.asShared();
        }
        try {
            Reply result = claimAndCall(request);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(request.key(), mine);
        }
    }

    private Reply claimAndCall(WireRequest request) {
        long deadline = System.currentTimeMillis() + maxRivalWaitMs;
        ResponseStore.Claim claim;
        while (!(claim = store.claim(request.key(), leaseMs)).won()) {
            // Another attempt (a task retry racing a straggler, a speculative copy) is making this call.
            Optional<Reply> done = fromStore(request);
            if (done.isPresent()) {
                return done.get();
            }
            if (System.currentTimeMillis() > deadline) {
                break;
            }
            try {
                sleeper.sleep(CLAIM_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reply.interrupted(request.key(), 0, 0);
            }
        }
        boolean claimed = claim.won();
        boolean calling = false;
        Reply reply = null;
        try {
            Optional<Reply> done = fromStore(request);
            if (done.isPresent()) {
                return done.get();
            }
            Optional<Reply> recovered =
                    claim == ResponseStore.Claim.LAPSED ? recovery.recover(request) : Optional.empty();
            if (recovered.isPresent()) {
                // Paid for by the attempt that died: kept now, so no later run asks the provider again.
                keep(request, recovered.get());
                return recovered.get();
            }
            java.util.concurrent.ScheduledFuture<?> renewal = claimed
                    ? RENEWALS.scheduleAtFixedRate(
                            () -> renew(request.key()), renewMs, renewMs, java.util.concurrent.TimeUnit.MILLISECONDS)
                    : null;
            calling = true;
            try {
                reply = next.call(request);
            } finally {
                if (renewal != null) {
                    renewal.cancel(false);
                }
            }
            if (reply.ok()) {
                keep(request, reply);
            }
            return reply;
        } finally {
            // A claim not won (its holder outlived the lease) is the holder's to release, not ours.
            if (claimed && calling && (reply == null || reply.interrupted())) {
                // Cut off mid-call (a killed task): the request may have reached the provider.
                store.abandon(request.key());
            } else if (claimed) {
                store.release(request.key());
            }
        }
    }

    private void keep(WireRequest request, Reply reply) {
        store.put(new StoredResponse(
                request.key(),
                request.endpoint(),
                request.path(),
                request.body(),
                reply.raw(),
                Instant.now().toString()));
    }

    private void renew(String key) {
        try {
            store.renew(key, leaseMs);
        } catch (RuntimeException e) {
            // A missed renewal risks a rival paying too, never a wrong answer: the call goes on.
        }
    }

    private Optional<Reply> fromStore(WireRequest request) {
        return answerFromStore(store, request);
    }

    /**
     * The stored answer to {@code request}, if the store holds a usable one. A stored body is judged
     * again: a store written by an older version may hold a cut-off or refused reply, which must be
     * asked again rather than replayed.
     */
    public static Optional<Reply> answerFromStore(ResponseStore store, WireRequest request) {
        return store.get(request.key()).flatMap(s -> {
            try {
                com.fasterxml.jackson.databind.JsonNode json = Json.mapper().readTree(s.response());
                if (!request.shape().usable(json)) {
                    return Optional.empty();
                }
                return Optional.of(Reply.stored(json, s.response(), request.key()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
