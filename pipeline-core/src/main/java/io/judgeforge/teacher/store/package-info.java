/**
 * The response store contract: a request's answer is kept once paid for, and claims stop two executors paying
 * for the same request; an in-memory implementation here, the Hadoop one in pipeline-jobs.
 *
 * <p>Depends on the JDK only.
 */
package io.judgeforge.teacher.store;
