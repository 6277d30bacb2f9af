package io.judgeforge.teacher.call;

import io.judgeforge.config.PipelineConfig.Endpoint;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.RetryPolicy;
import io.judgeforge.teacher.http.Attempt;
import io.judgeforge.teacher.http.ErrorMapper;
import io.judgeforge.teacher.http.HttpReply;
import io.judgeforge.teacher.http.Transport;
import io.judgeforge.teacher.limit.EndpointLimits;
import io.judgeforge.teacher.limit.InProcessLimits;
import io.judgeforge.teacher.limit.SharedLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Attempts a request until it succeeds, fails for good or runs out of attempts, within the
 * endpoint's limits: the application's RPM and TPM and any pause the server's headers ask for
 * ({@link SharedLimits}), and this JVM's adaptive in-flight limit and circuit breaker. Waits honour the server's {@code retry-after-ms} and
 * {@code Retry-After} and otherwise back off exponentially; every wait is capped by
 * {@code max-wait-ms}, and a capped one is announced.
 */
public final class RetryingCaller implements Caller {
    private final Transport transport;
    private final Endpoint endpoint;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final WaitNotices notices;
    private final SharedLimits shared;
    private final CallEvents events;

    public RetryingCaller(
            Transport transport,
            String endpointName,
            Endpoint endpoint,
            SharedLimits shared,
            Sleeper sleeper,
            CallEvents events) {
        this.transport = transport;
        this.events = events;
        this.shared = shared;
        this.endpoint = endpoint;
        this.retry = RetryPolicy.of(endpoint.maxAttempts());
        this.sleeper = sleeper;
        this.notices = WaitNotices.of(endpointName);
    }

    @Override
    public Reply call(WireRequest request) {
        EndpointLimits limits = EndpointLimits.shared(request.endpoint(), endpoint, request.model());
        // Requests, tokens and pauses are counted for the whole application, per endpoint and model;
        // without an RPM or TPM to keep, a pause is this JVM's alone and no attempt waits on the driver.
        String bucket = request.endpoint() + "\u0000" + endpoint.baseUrl() + "\u0000" + request.model();
        SharedLimits rates = endpoint.rpm() > 0 || endpoint.tpm() > 0 ? shared : InProcessLimits.INSTANCE;
        EndpointHealth endpointHealth = EndpointHealth.ofEndpoint(request.endpoint(), endpoint.baseUrl());
        EndpointHealth health = EndpointHealth.ofModel(
                request.endpoint(), endpoint.baseUrl(), request.model(), endpoint.fatalIdenticalErrors());
        byte[] bytes = request.body().getBytes(StandardCharsets.UTF_8);
        // A rough count (about four characters a token) booked in advance, corrected by the usage reported.
        double estimatedTokens = request.body().length() / 4.0 + request.maxTokens();
        long start = System.nanoTime();
        Attempt last = null;
        int attempt = 0;
        while (attempt < retry.maxAttempts()) {
            EndpointHealth.Stop stop = endpointHealth.stop() != null ? endpointHealth.stop() : health.stop();
            if (stop != null) {
                return Reply.notSent(stop.outcome(), stop.error(), request.key());
            }
            String open = limits.breaker.admit();
            if (open != null) {
                return new Reply(
                        CallOutcome.CIRCUIT_OPEN,
                        null,
                        null,
                        Usage.NONE,
                        0,
                        attempt,
                        millisSince(start),
                        open,
                        request.key(),
                        false);
            }
            attempt++;
            try {
                long wait = rates.reserve(bucket, endpoint.rpm(), endpoint.tpm(), estimatedTokens);
                if (wait > 0) {
                    sleeper.sleep(wait);
                }
                limits.concurrency.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return interrupted(request, attempt, start);
            }
            events.sent();
            try {
                last = send(request, bytes);
            } finally {
                // insufficient_quota is a 429 too, but not a rate limit: it must not halve the concurrency.
                boolean rateLimited = last != null && last.outcome() == CallOutcome.RATE_LIMITED;
                limits.concurrency.release(rateLimited);
                events.returned(rateLimited);
            }
            limits.breaker.record(last.serverFault());
            if (last.hints().pauseMs() > 0) {
                long pause = notices.capped(
                        last.hints().pauseMs(),
                        endpoint.maxWaitMs(),
                        last.hints().pauseSource(),
                        request.model());
                bestEffort(() -> rates.pause(bucket, endpoint.rpm(), endpoint.tpm(), pause));
            }
            // Correct the booking by the usage reported; an attempt without a body used no tokens.
            if (endpoint.tpm() > 0) {
                double correction = (last.json() != null ? Usage.of(last.json()).total() : 0) - estimatedTokens;
                bestEffort(() -> rates.correct(bucket, endpoint.rpm(), endpoint.tpm(), correction));
            }
            if (!last.retryable() || attempt >= retry.maxAttempts()) {
                break;
            }
            try {
                long asked = last.hints().retryAfterMs();
                sleeper.sleep(
                        asked >= 0
                                ? notices.capped(
                                        asked,
                                        endpoint.maxWaitMs(),
                                        last.hints().retrySource(),
                                        request.model())
                                : Math.min(retry.delayMs(attempt), endpoint.maxWaitMs()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return interrupted(request, attempt, start);
            }
        }
        return finish(request, last, attempt, start, endpointHealth, health);
    }

    private Reply finish(
            WireRequest request,
            Attempt last,
            int attempts,
            long start,
            EndpointHealth endpointHealth,
            EndpointHealth health) {
        CallOutcome outcome = last.outcome();
        String error = last.error();
        if (outcome == CallOutcome.BAD_REQUEST && last.status() == 400) {
            if (health.badRequest(last.errorKey())) {
                outcome = CallOutcome.UNSUPPORTED_PARAMETER;
                error = "the same error " + endpoint.fatalIdenticalErrors()
                        + " times in a row (fatal-identical-errors): " + error;
            }
        } else if (last.status() >= 200 && last.status() < 300) {
            health.answered();
        }
        if (outcome == CallOutcome.AUTH_FAILED || outcome == CallOutcome.QUOTA_EXHAUSTED) {
            endpointHealth.stop(outcome, error);
        } else if (outcome.fatal()) {
            health.stop(outcome, error);
        }
        return new Reply(
                outcome,
                last.json(),
                last.raw(),
                Usage.of(last.json()),
                0,
                attempts,
                millisSince(start),
                error,
                request.key(),
                false);
    }

    private Attempt send(WireRequest request, byte[] bytes) {
        try {
            HttpReply reply = transport.post(request.path(), request.model(), bytes);
            return ErrorMapper.map(reply, request.shape(), Instant.now());
        } catch (IOException e) {
            return Attempt.ioFailure(e, transport::redact);
        } catch (io.judgeforge.config.ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            // OkHttp refusing a header or URL: the request cannot be sent as built, retrying won't help.
            return new Attempt(
                    CallOutcome.BAD_REQUEST,
                    0,
                    null,
                    null,
                    "request not sent: " + e.getClass().getSimpleName() + ": " + transport.redact(e.getMessage()),
                    null,
                    false,
                    io.judgeforge.teacher.http.ServerHints.NONE);
        }
    }

    // Bookkeeping after an answer: losing it costs a little pacing, never the answer already paid for.
    private static void bestEffort(Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            // The driver was out of reach for a moment; the next booking goes to it again.
        }
    }

    private static Reply interrupted(WireRequest request, int attempts, long start) {
        return Reply.interrupted(request.key(), attempts, millisSince(start));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
