/**
 * The live progress line of a run: what a step has done so far ({@code ProgressSnapshot}), and how it is written,
 * as a line or a bar, with its rates and ETA ({@code ProgressLine}, {@code ProgressStyle}). Display only: no count
 * of a report comes from here.
 *
 * <p>Depends on the JDK only.
 */
package io.judgeforge.progress;
