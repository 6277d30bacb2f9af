package io.judgeforge.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Checks a config and everything it names, without starting Spark or calling anything. */
@Command(
        name = "validate-conf",
        mixinStandardHelpOptions = true,
        description = "Check a config, its catalog, templates and inputs; print what the run would use.")
final class ValidateConfCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Launch launch = Launch.check(options.conf, options.overrides)) {
            var config = launch.config;
            // A config describes a whole run, generate included.
            List<String> warnings = launch.checkInputs(true);
            out.println("config OK: " + options.conf + " (sha256 " + launch.configSha256 + ")");
            out.println("scenarios: " + launch.catalog.scenarios().size() + ", criteria: "
                    + launch.catalog.scenarios().stream()
                            .mapToInt(s -> s.criteria().size())
                            .sum());
            launch.catalog
                    .scenarios()
                    .forEach(s ->
                            out.println("  " + s.id() + " (" + s.method().name().toLowerCase() + "): quota "
                                    + config.generate().quotaFor(s.id())));
            out.println("endpoints:");
            config.endpoints()
                    .forEach((name, e) -> out.println("  " + name + ": " + e.baseUrl()
                            + (e.apiKeyEnv().isEmpty() ? "" : " (key from $" + e.apiKeyEnv() + ")")));
            out.println("teacher: " + config.teacher().model() + " @ "
                    + config.teacher().endpoint());
            out.println("answer pool: "
                    + config.respond().pool().stream().map(m -> m.name()).toList());
            out.println(
                    "scorer: " + config.score().model() + " @ " + config.score().endpoint());
            out.println("seed instructions: " + launch.seeds.size());
            warnings.forEach(out::println);
            return 0;
        }
    }
}
