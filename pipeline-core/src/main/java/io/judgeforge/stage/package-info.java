/**
 * What every stage shares: the per-item contract a stage's step implements (its outcome is out, filtered with a
 * reason or quarantined with a reason), the closed set of reasons ({@code RejectReason}, with
 * {@code teacher.CallOutcome}), the record ids ({@code RecordIds}), the accounting ({@code StepReport},
 * {@code StageReport}, {@code RejectedRecord}) and the bounded parallel map that keeps calls in flight.
 *
 * <p>Depends on {@code teacher}, {@code hash} and {@code json}; engine-free: the Spark runners in pipeline-jobs depend on it, never
 * the other way.
 */
package io.judgeforge.stage;
