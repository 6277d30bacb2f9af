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
 * both paying for it. Only a usable reply ({@link CallOutcome#OK}) is stored: a refusal, a cut-off
 * or filtered answer or an error is asked again on the next run.
 */
public final class StoredCaller implements Caller {
  private static final Map<String, CompletableFuture<Reply>> IN_FLIGHT = new ConcurrentHashMap<>();
  private static final long CLAIM_POLL_MS = 200;

  private final Caller next;
  private final ResponseStore store;
  private final long leaseMs;
  private final Sleeper sleeper;

  public StoredCaller(Caller next, ResponseStore store, long leaseMs, Sleeper sleeper) {
    this.next = next;
    this.store = store;
    this.leaseMs = leaseMs;
    this.sleeper = sleeper;
  }

  @Override
  public Reply call(WireRequest request) {
    Optional<Reply> stored = fromStore(request);
    if (stored.isPresent()) {
      return stored.get();
    }
    CompletableFuture<Reply> mine = new CompletableFuture<>();
    CompletableFuture<Reply> running = IN_FLIGHT.putIfAbsent(request.key(), mine);
    if (running != null) {
      // The same request is being made in this JVM right now: share its outcome, pay once.
      Reply shared;
      try {
        shared = running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Reply.notSent(CallOutcome.TRANSIENT, "interrupted", request.key());
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
      IN_FLIGHT.remove(request.key(), mine);
    }
  }

  private Reply claimAndCall(WireRequest request) {
    long deadline = System.currentTimeMillis() + leaseMs;
    boolean claimed;
    while (!(claimed = store.claim(request.key(), leaseMs))) {
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
        return Reply.notSent(CallOutcome.TRANSIENT, "interrupted", request.key());
      }
    }
    try {
      Optional<Reply> done = fromStore(request);
      if (done.isPresent()) {
        return done.get();
      }
      Reply reply = next.call(request);
      if (reply.ok()) {
        store.put(new StoredResponse(request.key(), request.endpoint(), request.path(), request.body(), reply.raw(),
            Instant.now().toString()));
      }
      return reply;
    } finally {
      // A claim not won (its holder outlived the lease) is the holder's to release, not ours.
      if (claimed) {
        store.release(request.key());
      }
    }
  }

  // A stored body is judged again: a store written by an older version may hold a cut-off or
  // refused reply, which must be asked again rather than replayed.
  private Optional<Reply> fromStore(WireRequest request) {
    return store.get(request.key()).flatMap(s -> {
      try {
        com.fasterxml.jackson.databind.JsonNode json = Json.mapper().readTree(s.response());
        if (!request.shape().usable(json)) {
          return Optional.empty();
        }
        return Optional.of(new Reply(CallOutcome.OK, json, s.response(), Usage.of(json), 0, 0, 0, null, request.key(), true));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }
}
