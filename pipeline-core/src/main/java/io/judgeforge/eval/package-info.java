/**
 * Meta-evaluation: how closely a judge's predictions agree with human labels on a benchmark.
 *
 * <p>Engine-free on purpose: benchmarks are thousands of rows, so plain Java reads them, and the same code serves
 * the command line and tests. {@link io.judgeforge.eval.MetaEvaluation} is the entry point; it reads the two files
 * ({@code EvalInputReader}), turns judge output into ratings ({@link io.judgeforge.eval.RatingParser}), computes
 * the figures per group ({@link io.judgeforge.eval.MetaMetrics}, every {@link io.judgeforge.eval.Metric}), their
 * z-values, normalised aggregate and bootstrap intervals, and {@link io.judgeforge.eval.ReportWriter} writes them out.
 * Where the tables come from is a {@link io.judgeforge.eval.TableReader.Source}: local files here, any Hadoop file
 * system (and Parquet) in the Spark module.
 *
 * <p>Depends on the judge stage's parsers ({@code stage.judge}), {@code config}, commons-csv, commons-math3 and
 * Jackson; never on Spark.
 */
package io.judgeforge.eval;
