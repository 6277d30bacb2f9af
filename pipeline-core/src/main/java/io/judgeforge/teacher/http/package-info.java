/**
 * The one HTTP transport (OkHttp) and the mapping of every dialect's errors and headers (OpenAI, vLLM, Azure,
 * gateways) onto {@code CallOutcome}.
 *
 * <p>Depends on OkHttp and Jackson; nothing above it talks HTTP.
 */
package io.judgeforge.teacher.http;
