/**
 * Spark plumbing shared by the jobs: the per-item teacher step over partitions, record/row codecs, the run's
 * folder layout, Hadoop file and table access, step accounting.
 *
 * <p>Depends on Spark, Hadoop and the core; no stage rules.
 */
package io.judgeforge.jobs.spark;
