/**
 * Application-wide limits shared by every executor: requests and tokens per minute, pauses, the budget,
 * adaptive concurrency and the circuit breaker; in one JVM or served by the driver.
 *
 * <p>Depends on the JDK only (its HTTP server for the driver's service).
 */
package io.judgeforge.teacher.limit;
