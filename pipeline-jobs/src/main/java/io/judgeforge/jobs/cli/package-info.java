/**
 * The command line (picocli): {@code run}, one subcommand per stage (made from {@code Pipeline.STAGES}),
 * meta-eval, bench, the simulator and replay servers; loading a run's config and context.
 *
 * <p>Depends on {@code jobs.stage}, {@code jobs.spark} and the core; holds no stage logic.
 */
package io.judgeforge.jobs.cli;
