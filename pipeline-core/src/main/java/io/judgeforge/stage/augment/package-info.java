/**
 * Stage augment: custom-prompt records derived from selected pointwise judgments without a teacher call
 * (paraphrased criteria, a down-sampled criterion list, a rescaled scale; paper section 8.2).
 *
 * <p>Depends on {@code stage}, {@code stage.judge} (the records and the renderer's blocks) and {@code scenario}.
 */
package io.judgeforge.stage.augment;
