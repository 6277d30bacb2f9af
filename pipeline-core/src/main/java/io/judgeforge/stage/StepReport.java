package io.judgeforge.stage;

import java.util.Map;

/**
 * The accounting of one step of a stage: {@code in = out + filtered + quarantined}, where the
 * counts are of work items; {@code produced} counts the output records (a step may fan out).
 * {@code calls} are HTTP attempts made in this run; {@code stored} are requests answered from the
 * response store without a call. {@code cachedTokens} are the prompt tokens a provider served
 * from its cache (priced at {@code cached-input}); {@code reasoningTokens} are the completion
 * tokens a reasoning model spent thinking.
 */
public record StepReport(
        String step,
        long in,
        long out,
        long filtered,
        long quarantined,
        long produced,
        Map<String, Long> reasons,
        long calls,
        long stored,
        long promptTokens,
        long completionTokens,
        double costUsd,
        Map<String, Double> costByScenario,
        long cachedTokens,
        long reasoningTokens) {

    public StepReport {
        reasons = java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(reasons)); // key order: the same report bytes on every run
        costByScenario = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(costByScenario));
    }

    public boolean balanced() {
        return in == out + filtered + quarantined;
    }
}
