/**
 * Meta-evaluation: how closely a judge's predictions agree with human labels on a benchmark.
 *
 * <p>Engine-free on purpose: benchmarks are thousands of rows, so plain Java reads them, and the same code serves
 * the command line and tests. {@link io.judgeforge.eval.MetaEvaluation} is the entry point; it reads the two files
 * ({@code EvalInputReader}), turns judge output into ratings ({@link io.judgeforge.eval.RatingParser}), computes
 * the metrics ({@link io.judgeforge.eval.MetaMetrics}) and {@link io.judgeforge.eval.ReportWriter} writes them out.
 */
package io.judgeforge.eval;
