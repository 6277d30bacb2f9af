package io.judgeforge.config;

import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.GenerationPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an empty {@code inputs.seeds} or {@code inputs.references} means for a run that generates: a config error
 * when a scenario with a quota needs it, else a warning (an empty file is more often a mistake than a choice).
 */
public final class EmptyInputs {
    private EmptyInputs() {}

    /** An empty input file: its key and path, and what needs it (empty when nothing does). */
    public record Empty(String key, String path, Optional<String> neededBy) {
        public String warning() {
            return "warning: '" + key + "' names an empty file, " + path + " (no scenario with a quota needs it)";
        }

        public ConfigException error() {
            return new ConfigException(
                    "Invalid value for '" + key + "': " + path + " is empty, and " + neededBy.orElseThrow());
        }
    }

    /**
     * The empty ones of the inputs, in key order (references, seeds), each with what needs it.
     *
     * @param references the path of {@code inputs.references}, or null when it is not empty
     * @param seeds the path of {@code inputs.seeds}, or null when it is not empty
     */
    public static List<Empty> of(PipelineConfig config, ScenarioCatalog catalog, String references, String seeds) {
        List<Empty> empty = new ArrayList<>();
        if (references != null) {
            empty.add(new Empty(
                    "inputs.references",
                    references,
                    firstWithQuota(config, catalog, true)
                            .map(s -> "scenario '" + s.id() + "' (quota "
                                    + config.generate().quotaFor(s.id()) + ") is written from reference passages")));
        }
        if (seeds != null) {
            int examples = config.generate().seedExamples();
            empty.add(new Empty(
                    "inputs.seeds",
                    seeds,
                    examples == 0
                            ? Optional.empty()
                            : firstWithQuota(config, catalog, false)
                                    .map(s -> "scenario '" + s.id() + "' (quota "
                                            + config.generate().quotaFor(s.id()) + ") shows "
                                            + examples + " seed instructions in each call (generate.seed-examples)")));
        }
        return empty;
    }

    private static Optional<Scenario> firstWithQuota(
            PipelineConfig config, ScenarioCatalog catalog, boolean needingReferences) {
        return catalog.scenarios().stream()
                .filter(s -> config.generate().quotaFor(s.id()) > 0)
                .filter(s -> !needingReferences || GenerationPlanner.needsReference(s))
                .findFirst();
    }
}
