/**
 * Stage respond: candidate answers from a pool of models of different strength.
 *
 * <p>Depends on {@code stage}, {@code stage.generate} (the Instruction record) and {@code teacher}.
 */
package io.judgeforge.stage.respond;
