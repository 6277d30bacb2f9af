/**
 * An OpenAI-compatible simulator of the teacher, answer and judge models, for tests and local runs
 * where no real LLM is reachable. Start it with {@link io.judgeforge.simulator.SimulatorServer#start}
 * and point any OpenAI client at {@code baseUrl()}, or serve it from the command line with {@link
 * io.judgeforge.simulator.SimulatorMain}. Code that must not depend on this module (the pipeline's
 * {@code simulator.start}, {@code judgeforge sim-server}) starts it through {@link
 * io.judgeforge.simulator.SimulatorProvider}, a {@code LocalEndpointServerProvider} service taking
 * the same flags.
 *
 * <p>Endpoints: {@code GET /v1/models}, {@code POST /v1/chat/completions}, {@code POST
 * /v1/completions} (echo and logprobs, for IFD scoring), {@code GET /sim/stats} (request counts) and
 * {@code GET /sim/requests} (what clients sent: query, User-Agent, header names).
 *
 * <p>Chat replies depend on the pipeline prompt the last user message is built from
 * (conf/prompts): instruction synthesis from a reference, quiz questions, scenario classification,
 * and Themis-format judgments (single-answer, reference-guided and pairwise); any other message is answered with a quality that follows the
 * requested model's configured strength. Every reply is a pure function of the simulator seed and
 * the request content, so reruns are byte-identical.
 *
 * <p>To exercise clients as a loaded production API would, {@link
 * io.judgeforge.simulator.SimulatorSettings} can add a {@link io.judgeforge.simulator.Latency}
 * distribution, per-model {@link io.judgeforge.simulator.RateLimits} (429 with {@code Retry-After}
 * and OpenAI's {@code x-ratelimit-*} headers) and injected {@link io.judgeforge.simulator.Faults}
 * (500, 503, random 429, a body that is not JSON, a truncated completion, a reply slower than the
 * client's timeout). Latency and faults are drawn from the seed, the request's bytes and how often
 * those bytes arrived before: a rerun draws the same, a retry draws afresh. The defaults turn none
 * of this on; without faults, reply bodies stay byte-identical whatever the latency and limits.
 *
 * <p>{@link io.judgeforge.simulator.Realism} makes it answer in the public APIs' real wire formats:
 * vLLM's BOS and byte tokens, refusals, content filtering, reasoning models, usage details, vLLM's
 * error dialect, keys, context limits, every form of retry header, and Azure's paths.
 *
 * <p>Depends on Jackson, picocli and pipeline-spi only: the other modules have it in test scope, and production
 * code reaches it only through the spi service.
 */
package io.judgeforge.simulator;
