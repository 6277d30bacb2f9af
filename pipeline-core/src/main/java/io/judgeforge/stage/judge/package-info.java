/**
 * Stage judge: the scenario-dependent judge prompts in the paper's three modes (single-answer, reference-guided,
 * pairwise), the calls, and the parsing of the teacher's answers into scores, verdicts and rationales.
 *
 * <p>Depends on {@code stage}, {@code stage.respond} (the Response record), {@code teacher}, {@code prompt}, {@code scenario}.
 */
package io.judgeforge.stage.judge;
