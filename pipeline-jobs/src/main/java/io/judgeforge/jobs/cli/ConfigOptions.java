package io.judgeforge.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags every config-driven command takes. */
final class ConfigOptions {
    @Option(
            names = "--conf",
            required = true,
            paramLabel = "FILE",
            description = "The run's YAML config (keys and defaults: conf/defaults.yaml). Any Hadoop path works.")
    String conf;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override one config key, for example --set generate.quota=20 (repeatable).")
    List<String> overrides = new ArrayList<>();
}
