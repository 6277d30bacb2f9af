package io.judgeforge.teacher.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.http.ReplyShape;
import io.judgeforge.teacher.store.InMemoryResponseStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The store decorator alone: claims, in-flight sharing and what a waiter is told. */
class StoredCallerTest {
  static WireRequest request(String body) {
    return WireRequest.of("stored-test", "/chat/completions", "m", body, "t@1", 16, ReplyShape.CHAT);
  }

  @Test
  void aWaiterOnAFailedCallIsToldTheOutcomeButChargedNothing() throws Exception {
    CountDownLatch inCall = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Caller failing = r -> {
      calls.incrementAndGet();
      inCall.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Reply(CallOutcome.REFUSED, null, null, new Usage(10, 0, 5, 0), 0.25, 1, 40, "refusal: no", r.key(), false);
    };
    StoredCaller stored = new StoredCaller(failing, new InMemoryResponseStore(), 60_000, ms -> {});
    WireRequest request = request("{\"shared-failure\":" + System.nanoTime() + "}");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Reply> first = pool.submit(() -> stored.call(request));
      assertTrue(inCall.await(10, TimeUnit.SECONDS));
      Future<Reply> second = pool.submit(() -> stored.call(request));
      Thread.sleep(100);
      release.countDown();
      Reply a = first.get(10, TimeUnit.SECONDS);
      Reply b = second.get(10, TimeUnit.SECONDS);
      assertEquals(1, calls.get(), "one call for both");
      assertEquals(CallOutcome.REFUSED, b.outcome());
      assertEquals(0.25, a.costUsd() + b.costUsd(), 1e-12, "the cost is counted once");
      assertEquals(1, a.attempts() + b.attempts(), "and the attempt once");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClaimNotWonIsNotReleased() {
    InMemoryResponseStore store = new InMemoryResponseStore();
    WireRequest request = request("{\"rival\":" + System.nanoTime() + "}");
    assertTrue(store.claim(request.key(), 60_000), "a rival attempt holds the claim");
    AtomicInteger calls = new AtomicInteger();
    Caller answering = r -> {
      calls.incrementAndGet();
      return new Reply(CallOutcome.TRANSIENT, null, null, Usage.NONE, 0, 1, 1, "HTTP 503", r.key(), false);
    };
    // A lease this short runs out while the rival still holds the claim: the caller goes ahead.
    StoredCaller stored = new StoredCaller(answering, store, 1, ms -> Thread.sleep(2));
    stored.call(request);
    assertEquals(1, calls.get());
    assertFalse(store.claim(request.key(), 60_000), "the rival's claim is still there");
  }
}
