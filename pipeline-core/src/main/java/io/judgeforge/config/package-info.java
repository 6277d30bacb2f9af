/**
 * The run's configuration: {@code PipelineConfig} (one immutable record per YAML section), its loading from
 * {@code conf/defaults.yaml} + the run's file + {@code --set} overrides ({@code ConfigLoader}), and the cross-checks
 * between keys and the scenario catalog ({@code ConfigValidator}). Every key is documented in docs/configuration.md.
 *
 * <p>Depends on Jackson and {@code scenario}; nothing in the core depends on Spark or Hadoop (an enforcer rule in
 * pipeline-core's pom bans them).
 */
package io.judgeforge.config;
