/**
 * Stage score: instruction-following difficulty (IFD) of each judge record, from the scoring model's
 * log-probabilities with and without the instruction.
 *
 * <p>Depends on {@code stage}, {@code stage.judge} (the Judgment record) and {@code teacher}.
 */
package io.judgeforge.stage.score;
