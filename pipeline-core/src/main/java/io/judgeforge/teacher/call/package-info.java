/**
 * The caller stack every request goes through: the response store (paid once), the budget, retries with
 * backoff, in-flight recovery; one {@code WireRequest} in, one {@code Reply} out.
 *
 * <p>Depends on {@code teacher.http}, {@code teacher.limit}, {@code teacher.store}, {@code teacher.cost}.
 */
package io.judgeforge.teacher.call;
