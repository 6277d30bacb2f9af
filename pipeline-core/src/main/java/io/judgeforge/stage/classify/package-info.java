/**
 * Stage classify: the teacher labels each instruction with a catalog scenario; also the benchmark category
 * mappings and the label-agreement figures.
 *
 * <p>Depends on {@code stage}, {@code stage.generate} (the Instruction record), {@code teacher}, {@code prompt}, {@code scenario}.
 */
package io.judgeforge.stage.classify;
