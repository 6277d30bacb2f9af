/**
 * Stage generate: planning the generation calls by the paper's two methods (reference-based questioning,
 * role-playing quizzing), writing instructions with the teacher, and the rules that validate them (length, refusal,
 * duplicates, near duplicates, copying the reference).
 *
 * <p>Depends on {@code stage}, {@code teacher}, {@code prompt}, {@code scenario} and {@code config}.
 */
package io.judgeforge.stage.generate;
