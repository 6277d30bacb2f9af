package io.judgeforge.stage.select;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.stage.RejectReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step balance of select: the units each bucket keeps. Pairwise ties are kept at most as often as
 * decisive pairs, so A, B and C are as even as the supply allows; pointwise scores are capped at
 * {@code select.max-score-share} or, when {@code select.score-shares} is set, shaped to it.
 */
public record BalanceCaps(double maxScoreShare, Map<String, Double> scoreShares) implements CapStep {
    public BalanceCaps {
        scoreShares = Map.copyOf(scoreShares);
    }

    public static BalanceCaps of(PipelineConfig.Select settings) {
        return new BalanceCaps(settings.maxScoreShare(), settings.scoreShares());
    }

    @Override
    public RejectReason reason() {
        return RejectReason.BALANCE;
    }

    /** Units kept per bucket, from the units of every bucket of every scenario and mode. */
    @Override
    public Map<BucketKey, Long> caps(List<BucketSupply> supply) {
        Map<ScenarioMode, Map<String, Long>> byGroup = new LinkedHashMap<>();
        for (BucketSupply held : supply) {
            BucketKey key = held.key();
            byGroup.computeIfAbsent(new ScenarioMode(key.scenario(), key.mode()), k -> new TreeMap<>())
                    .put(key.bucket(), held.units());
        }
        Map<BucketKey, Long> caps = new TreeMap<>();
        byGroup.forEach((group, buckets) -> kept(group.mode(), buckets)
                .forEach((bucket, cap) -> caps.put(new BucketKey(group.scenario(), group.mode(), bucket), cap)));
        return caps;
    }

    @Override
    public String detail(BucketKey key, long cap) {
        return key.mode() + " " + key.bucket() + " of " + key.scenario() + " capped at " + cap + " units";
    }

    /** Units kept per bucket of one scenario and mode. */
    Map<String, Long> kept(String mode, Map<String, Long> buckets) {
        if (SelectionUnit.paired(mode)) {
            long decisive = buckets.getOrDefault(SelectionUnit.DECISIVE, 0L);
            Map<String, Long> kept = new TreeMap<>(buckets);
            kept.computeIfPresent(SelectionUnit.TIE, (k, ties) -> Math.min(ties, decisive));
            return kept;
        }
        if (scoreShares.isEmpty()) {
            return ScoreBalancePlanner.kept(buckets, maxScoreShare);
        }
        return ScoreBalancePlanner.shaped(buckets, scoreShares);
    }

    private record ScenarioMode(String scenario, String mode) {}
}
