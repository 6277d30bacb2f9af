package io.judgeforge.stage.select;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.stage.RejectReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Step composition of select: scenario quotas in records ({@link CompositionPlanner#quotas}), each
 * split as evenly as possible over the scenario's buckets ({@link CompositionPlanner#split}), then
 * turned into caps in units: a paired bucket's records are two per unit. {@code weights}: scenario to
 * weight, or empty for "as supplied"; {@code total}: records in all, 0 = no target.
 */
public record CompositionCaps(Map<String, Double> weights, long total) implements CapStep {
    public CompositionCaps {
        weights = Map.copyOf(weights);
    }

    public static CompositionCaps of(PipelineConfig.Select settings) {
        return new CompositionCaps(settings.weights(), settings.total());
    }

    /** Whether the selection has this step: scenario shares, or a total size, are set. */
    public static boolean applies(PipelineConfig.Select settings) {
        return settings.composition() != PipelineConfig.Composition.NONE || settings.total() > 0;
    }

    @Override
    public RejectReason reason() {
        return RejectReason.COMPOSITION;
    }

    /** Units kept per bucket, from the records of every bucket (after balance). */
    @Override
    public Map<BucketKey, Long> caps(List<BucketSupply> supply) {
        Map<String, Map<BucketKey, Long>> byScenario = new TreeMap<>();
        supply.forEach(held -> byScenario
                .computeIfAbsent(held.key().scenario(), k -> new TreeMap<>())
                .put(held.key(), held.records()));
        Map<String, Long> records = new TreeMap<>();
        byScenario.forEach((scenario, buckets) -> records.put(
                scenario, buckets.values().stream().mapToLong(Long::longValue).sum()));
        Map<String, Long> quotas = CompositionPlanner.quotas(records, weights, total);
        Map<BucketKey, Long> caps = new TreeMap<>();
        byScenario.forEach((scenario, buckets) -> {
            Set<BucketKey> paired =
                    buckets.keySet().stream().filter(BucketKey::paired).collect(Collectors.toSet());
            CompositionPlanner.split(buckets, paired, quotas.getOrDefault(scenario, 0L))
                    .forEach((key, n) -> caps.put(key, key.paired() ? n / 2 : n));
        });
        return caps;
    }

    @Override
    public String detail(BucketKey key, long cap) {
        return key.scenario() + " quota: " + key.mode() + " " + key.bucket() + " keeps " + cap + " units";
    }
}
