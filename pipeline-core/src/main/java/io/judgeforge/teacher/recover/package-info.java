/**
 * Recovering answers that were paid for by a run that died while they were in flight (OpenAI's stored chat
 * completions).
 *
 * <p>Depends on {@code teacher.call} and {@code teacher.http}.
 */
package io.judgeforge.teacher.recover;
