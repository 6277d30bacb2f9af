/**
 * Stage select: the rules that filter by IFD, balance scores and verdicts, and compose scenarios; pure
 * functions over records and histograms, applied at scale by SelectJob.
 *
 * <p>Depends on {@code stage} and {@code config}.
 */
package io.judgeforge.stage.select;
