/**
 * The teacher client: any OpenAI-compatible endpoint, called for chat completions and prompt log-probabilities
 * through one error hierarchy ({@code CallOutcome}, {@code FatalEndpointException}) and one retry policy.
 *
 * <p>Depends on its sub-packages, OkHttp (in {@code teacher.http} only), Jackson and {@code config}.
 */
package io.judgeforge.teacher;
