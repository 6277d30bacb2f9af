/**
 * An OpenAI-compatible simulator of the teacher, answer and judge models, for tests and local runs
 * where no real LLM is reachable. Start it with {@link io.judgeforge.simulator.SimulatorServer#start}
 * and point any OpenAI client at {@code baseUrl()}.
 *
 * <p>Endpoints: {@code GET /v1/models}, {@code POST /v1/chat/completions}, {@code POST
 * /v1/completions} (echo and logprobs, for IFD scoring) and {@code GET /sim/stats} (request counts).
 *
 * <p>Chat replies depend on the pipeline prompt the last user message is built from
 * (conf/prompts): instruction synthesis from a reference, quiz questions, scenario classification,
 * and Themis-format judgments; any other message is answered with a quality that follows the
 * requested model's configured strength. Every reply is a pure function of the simulator seed and
 * the request content, so reruns are byte-identical.
 */
package io.judgeforge.simulator;
