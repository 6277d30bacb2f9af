package io.judgeforge.refresh;

import io.judgeforge.config.PipelineConfig.Generate;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.generate.GenerationPlanner;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generation quotas of a refresh's new work. A scenario that writes from reference passages gets
 * its configured quota in proportion to the share of passages (source documents) that are new or
 * changed, rounded up, so the dataset keeps the density of questions per passage the full run gave it.
 * A scenario that needs no passage (role-playing quizzing from attribute lists) has no new input and
 * gets 0: its questions come from the config, which a refresh does not re-run.
 */
public final class DeltaQuotas {
    private DeltaQuotas() {}

    public static Map<String, Integer> of(ScenarioCatalog catalog, Generate settings, long fresh, long total) {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        for (Scenario scenario : catalog.scenarios()) {
            int quota = settings.quotaFor(scenario.id());
            boolean fromPassages = GenerationPlanner.needsReference(scenario);
            quotas.put(
                    scenario.id(),
                    !fromPassages || fresh <= 0 || total <= 0
                            ? 0
                            : (int) Math.min(quota, (quota * Math.min(fresh, total) + total - 1) / total));
        }
        return quotas;
    }
}
