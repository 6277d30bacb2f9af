/**
 * A run's cost and call estimate before any call is made ({@code judgeforge run --dry-run}).
 *
 * <p>Depends on {@code config}, {@code scenario} and the stages' planners.
 */
package io.judgeforge.stage.estimate;
