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
            return new Reply(
                    CallOutcome.REFUSED,
                    null,
                    null,
                    new Usage(10, 0, 5, 0),
                    0.25,
                    1,
                    40,
                    "refusal: no",
                    r.key(),
                    false);
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
        assertTrue(store.claim(request.key(), 60_000).won(), "a rival attempt holds the claim");
        AtomicInteger calls = new AtomicInteger();
        Caller answering = r -> {
            calls.incrementAndGet();
            return new Reply(CallOutcome.TRANSIENT, null, null, Usage.NONE, 0, 1, 1, "HTTP 503", r.key(), false);
        };
        // A lease this short runs out while the rival still holds the claim: the caller goes ahead.
        StoredCaller stored = new StoredCaller(answering, store, 1, ms -> Thread.sleep(2));
        stored.call(request);
        assertEquals(1, calls.get());
        assertFalse(store.claim(request.key(), 60_000).won(), "the rival's claim is still there");
    }

    @Test
    void aRunningCallRenewsItsClaimSoASecondJvmWaitsInsteadOfPaying() throws Exception {
        InMemoryResponseStore store = new InMemoryResponseStore();
        WireRequest request = request("{\"renewed\":" + System.nanoTime() + "}");
        String ok =
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"slow\"},\"finish_reason\":\"stop\"}]}";
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inCall = new CountDownLatch(1);
        Caller slow = r -> {
            calls.incrementAndGet();
            inCall.countDown();
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reply(
                    CallOutcome.OK,
                    io.judgeforge.json.Json.read(ok, com.fasterxml.jackson.databind.JsonNode.class),
                    ok,
                    Usage.NONE,
                    0,
                    1,
                    800,
                    null,
                    r.key(),
                    false);
        };
        // Two JVMs sharing the store: in-flight tables of their own, a 200 ms lease renewed every 50 ms.
        StoredCaller first = new StoredCaller(
                slow, store, 60_000, 200, 50, new java.util.concurrent.ConcurrentHashMap<>(), Thread::sleep);
        StoredCaller second = new StoredCaller(
                slow, store, 60_000, 200, 50, new java.util.concurrent.ConcurrentHashMap<>(), Thread::sleep);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Reply> a = pool.submit(() -> first.call(request));
            assertTrue(inCall.await(10, TimeUnit.SECONDS));
            Reply b = pool.submit(() -> second.call(request)).get(10, TimeUnit.SECONDS);
            assertEquals(CallOutcome.OK, a.get(10, TimeUnit.SECONDS).outcome());
            assertTrue(b.stored(), "the second waited past the 200 ms lease and read the first's answer");
            assertEquals(1, calls.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theClaimOfAKilledJvmLapsesWithinOneLease() {
        InMemoryResponseStore store = new InMemoryResponseStore();
        WireRequest request = request("{\"killed\":" + System.nanoTime() + "}");
        // Claimed, then never renewed nor released: its JVM died mid-call.
        assertTrue(store.claim(request.key(), 200).won());
        AtomicInteger calls = new AtomicInteger();
        Caller answering = r -> {
            calls.incrementAndGet();
            return new Reply(CallOutcome.TRANSIENT, null, null, Usage.NONE, 0, 1, 1, "HTTP 503", r.key(), false);
        };
        long start = System.nanoTime();
        new StoredCaller(
                        answering,
                        store,
                        60_000,
                        200,
                        50,
                        new java.util.concurrent.ConcurrentHashMap<>(),
                        Thread::sleep)
                .call(request);
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, calls.get());
        assertTrue(waitedMs < 5_000, "taken over after the lease, not after the rival wait: " + waitedMs + " ms");
    }

    @Test
    void aLapsedClaimAsksTheRecoveryFirstAndKeepsWhatItFinds() {
        InMemoryResponseStore store = new InMemoryResponseStore();
        WireRequest lapsed = request("{\"recovered\":" + System.nanoTime() + "}");
        WireRequest fresh = request("{\"fresh\":" + System.nanoTime() + "}");
        assertTrue(store.claim(lapsed.key(), 1).won(), "a dead JVM's claim, never released");
        String raw = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"kept\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        InFlightRecovery recovery = r -> {
            asked.add(r.key());
            return java.util.Optional.of(new Reply(
                    CallOutcome.OK,
                    io.judgeforge.json.Json.read(raw, com.fasterxml.jackson.databind.JsonNode.class),
                    raw,
                    new Usage(3, 0, 1, 0),
                    0,
                    0,
                    0,
                    null,
                    r.key(),
                    true));
        };
        AtomicInteger calls = new AtomicInteger();
        Caller answering = r -> {
            calls.incrementAndGet();
            return new Reply(
                    CallOutcome.OK,
                    io.judgeforge.json.Json.read(raw, com.fasterxml.jackson.databind.JsonNode.class),
                    raw,
                    new Usage(3, 0, 1, 0),
                    0.01,
                    1,
                    1,
                    null,
                    r.key(),
                    false);
        };
        StoredCaller stored = new StoredCaller(
                answering,
                store,
                60_000,
                200,
                50,
                new java.util.concurrent.ConcurrentHashMap<>(),
                Thread::sleep,
                recovery);
        sleep(5);

        Reply found = stored.call(lapsed);
        assertTrue(found.ok() && found.stored(), "the dead attempt's answer, paid already");
        assertEquals(0, calls.get(), "no request made");
        assertTrue(store.get(lapsed.key()).isPresent(), "and kept in the store for later runs");

        stored.call(fresh);
        assertEquals(1, calls.get());
        assertEquals(java.util.List.of(lapsed.key()), asked, "a key claimed afresh is never looked up");
    }

    @Test
    void aCallCutOffMidwayLeavesItsClaimLapsedSoTheNextClaimantLooksForItsAnswer() {
        InMemoryResponseStore store = new InMemoryResponseStore();
        WireRequest cut = request("{\"cut\":" + System.nanoTime() + "}");
        WireRequest failed = request("{\"failed\":" + System.nanoTime() + "}");
        StoredCaller interrupted = new StoredCaller(
                r -> Reply.interrupted(r.key(), 1, 5),
                store,
                60_000,
                30_000,
                10_000,
                new java.util.concurrent.ConcurrentHashMap<>(),
                ms -> {});
        interrupted.call(cut);
        assertEquals(
                io.judgeforge.teacher.store.ResponseStore.Claim.LAPSED,
                store.claim(cut.key(), 60_000),
                "the killed task's request may have been paid for: its claim is left lapsed, not free");

        StoredCaller answered = new StoredCaller(
                r -> new Reply(CallOutcome.TRANSIENT, null, null, Usage.NONE, 0, 1, 1, "HTTP 503", r.key(), false),
                store,
                60_000,
                30_000,
                10_000,
                new java.util.concurrent.ConcurrentHashMap<>(),
                ms -> {});
        answered.call(failed);
        assertEquals(
                io.judgeforge.teacher.store.ResponseStore.Claim.FREE,
                store.claim(failed.key(), 60_000),
                "a call that came back, even failed, releases its claim");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
