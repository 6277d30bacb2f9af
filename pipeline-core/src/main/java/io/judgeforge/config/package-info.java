/**
 * The run's configuration: {@code PipelineConfig} (one immutable record per YAML section), its loading from
 * {@code conf/defaults.yaml} + the run's file + {@code --set} overrides ({@code ConfigLoader}), and the cross-checks
 * between keys and the scenario catalog ({@code ConfigValidator}), and what an empty input means for a run
 * ({@code EmptyInputs}). Every key is documented in docs/configuration.md.
 *
 * <p>Depends on Jackson, {@code scenario}, {@code table} (the seeds' type check) and {@code stage.generate} (seed
 * records, which scenarios need passages); nothing in the core depends on Spark or Hadoop (an enforcer rule in
 * pipeline-core's pom bans them).
 */
package io.judgeforge.config;
