package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The driver's limit service over loopback HTTP: clients deserialized as executors receive them
 * share one account, whatever their number; the service holds the clock, and refuses callers
 * without its secret.
 */
class LimitServiceTest {
    @Test
    void manyClientsBookFromOneBucketAndOneLedger() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        InProcessLimits held = new InProcessLimits(now::get);
        try (LimitService service = LimitService.start("127.0.0.1", "127.0.0.1", 0, held)) {
            // 60 RPM = one request a second, with a bucket of one: four "executors" asking at once wait
            // 0, 1, 2 and 3 seconds between them, as one client alone would.
            List<SharedLimits> executors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                executors.add(roundTrip(service.client()));
            }
            List<Long> waits = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> asked = new ArrayList<>();
            for (SharedLimits e : executors) {
                asked.add(pool.submit(() -> e.reserve("sim\u0000m", 60, 0, 10)));
            }
            for (Future<Long> f : asked) {
                waits.add(f.get());
            }
            pool.shutdown();
            waits.sort(Long::compare);
            assertEquals(List.of(0L, 1_000L, 2_000L, 3_000L), waits);

            // A pause one executor was told of holds every executor.
            executors.get(0).pause("sim\u0000m", 60, 0, 30_000);
            now.addAndGet(10_000);
            assertEquals(20_000, executors.get(3).reserve("sim\u0000m", 60, 0, 10));

            // The budget: 1.0 USD; worst cases of 0.4 booked from two executors leave no room for a third.
            assertEquals(SharedLimits.Grant.GRANTED, executors.get(0).book("run/judge", "a", 1.0, 0, 0.4, 100, 60_000));
            assertEquals(SharedLimits.Grant.GRANTED, executors.get(1).book("run/judge", "b", 1.0, 0, 0.4, 100, 60_000));
            assertEquals(SharedLimits.Grant.WAIT, executors.get(2).book("run/judge", "c", 1.0, 0, 0.4, 100, 60_000));
            executors.get(0).settle("run/judge", "a", 0.1, 25);
            assertEquals(
                    SharedLimits.Grant.GRANTED,
                    executors.get(3).book("run/judge", "d", 1.0, 0, 0.4, 100, 60_000),
                    "0.1 spent + 0.4 + 0.4 fits");
            assertEquals(
                    11, service.served(), "every operation went to the driver: 5 reserves, a pause, 4 books, a settle");
        }
    }

    @Test
    void aSettleFromAnInterruptedThreadStillReachesTheDriver() throws Exception {
        // A Spark task killed mid-call (speculation, a cancelled job) settles from an interrupted thread.
        try (LimitService service = LimitService.start("127.0.0.1", "127.0.0.1", 0, new InProcessLimits(() -> 0))) {
            io.judgeforge.teacher.cost.Spending spending = new io.judgeforge.teacher.cost.Spending(
                    java.util.Map.of("m", new io.judgeforge.config.PipelineConfig.Price(1, 0)),
                    "killed",
                    1.0,
                    0,
                    roundTrip(service.client()));
            io.judgeforge.teacher.call.Caller interruptedCall = request -> {
                Thread.currentThread().interrupt();
                return io.judgeforge.teacher.call.Reply.notSent(
                        io.judgeforge.teacher.CallOutcome.TRANSIENT, "interrupted", request.key());
            };
            io.judgeforge.teacher.call.BudgetedCaller budgeted =
                    new io.judgeforge.teacher.call.BudgetedCaller(interruptedCall, spending, 60_000);
            io.judgeforge.teacher.call.WireRequest request = io.judgeforge.teacher.call.WireRequest.of(
                    "e",
                    "/chat/completions",
                    "m",
                    "x".repeat(600_000),
                    "t@1",
                    0,
                    io.judgeforge.teacher.http.ReplyShape.CHAT);
            budgeted.call(request);
            assertTrue(Thread.interrupted(), "the interrupt is kept for the task to see");
            // The first call's worst case was 0.6 of 1.0: were it still booked, a second would wait.
            assertEquals(
                    SharedLimits.Grant.GRANTED,
                    roundTrip(service.client()).book("killed", "second", 1.0, 0, 0.6, 0, 60_000));
        }
    }

    @Test
    void aCallerWithoutTheSecretIsRefusedAndAnUnreachableDriverStopsWithALine() throws Exception {
        try (LimitService service = LimitService.start("127.0.0.1", "127.0.0.1", 0, new InProcessLimits(() -> 0))) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(service.url() + "book"))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"ledger\":\"x\",\"max_usd\":1,\"usd\":0.5}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(401, r.statusCode());
            assertFalse(service.client().toString().contains(secretOf(service.client())), "toString shows no secret");
        }
        RemoteLimits gone;
        try (LimitService service = LimitService.start("127.0.0.1", "127.0.0.1", 0, new InProcessLimits(() -> 0))) {
            gone = service.client();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gone.reserve("b", 60, 0, 1));
        assertTrue(
                e.getMessage().contains("Cannot reach the driver's limit service at http://127.0.0.1:"),
                e.getMessage());
    }

    static String secretOf(RemoteLimits limits) throws Exception {
        java.lang.reflect.Field f = RemoteLimits.class.getDeclaredField("secret");
        f.setAccessible(true);
        return (String) f.get(limits);
    }

    /** As Spark ships a task's closure: serialized on the driver, read on an executor. */
    static SharedLimits roundTrip(SharedLimits limits) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(limits);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SharedLimits) in.readObject();
        }
    }
}
