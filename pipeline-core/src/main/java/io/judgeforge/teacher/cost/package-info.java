/**
 * Prices per model and the cost of a call from its usage.
 *
 * <p>Depends on {@code config}.
 */
package io.judgeforge.teacher.cost;
