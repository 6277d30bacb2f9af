/**
 * One thin Spark job per stage ({@code GenerateJob} ... {@code ExportJob}) and {@code Pipeline}, their order.
 * A job composes Dataset operations around the core's stage classes and never collects a dataset to the driver.
 *
 * <p>Depends on {@code jobs.spark} and the core's {@code stage.*}; the rules themselves live in the core.
 */
package io.judgeforge.jobs.stage;
