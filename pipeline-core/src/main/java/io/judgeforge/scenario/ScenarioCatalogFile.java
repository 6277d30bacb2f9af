package io.judgeforge.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code scenarios.yaml} as written (keys in kebab case), bound strictly and then checked by
 * {@link ScenarioCatalog#parse}; a key left out is null.
 */
record ScenarioCatalogFile(List<Tier> gradingTiers, List<Entry> scenarios) {
    record Tier(Integer score, String description, String withReference) {}

    record Entry(
            String id,
            String name,
            @JsonProperty("short") String shortName,
            String method,
            Boolean closeEnded,
            String description,
            List<CriterionEntry> criteria) {}

    record CriterionEntry(String name, String description) {}
}
