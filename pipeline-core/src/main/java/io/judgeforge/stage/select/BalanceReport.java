package io.judgeforge.stage.select;

import io.judgeforge.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code select/_balance.json}: per scenario, the label histograms per mode before and after
 * selection, and the spread of the scored records' IFD (exact percentiles), so a reader sees what the
 * balance and composition steps did to each scenario.
 */
public final class BalanceReport {
    /** The IFD quantiles the report gives, in {@link IfdSpread}'s order. */
    public static final List<Double> IFD_QUANTILES = List.of(0.0, 0.1, 0.5, 0.9, 1.0);

    private BalanceReport() {}

    /** Records of one scenario, mode and label. */
    public record LabelCount(String scenario, String mode, String label, long records) {}

    /**
     * Records of one scenario, mode, label and {@link IfdHistogram} bin: one grouping gives both the label counts
     * ({@link #labelCounts}) and the IFD histogram, so the histogram costs no pass of its own.
     */
    public record BinnedCount(String scenario, String mode, String label, int ifdBin, long records) {}

    /** The label counts of {@code counts}, their IFD bins summed. */
    public static List<LabelCount> labelCounts(List<BinnedCount> counts) {
        Map<List<String>, Long> sums = new java.util.LinkedHashMap<>();
        for (BinnedCount c : counts) {
            sums.merge(List.of(c.scenario(), c.mode(), c.label()), c.records(), Long::sum);
        }
        return sums.entrySet().stream()
                .map(e -> new LabelCount(
                        e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
                .toList();
    }

    /** The IFD at each of {@link #IFD_QUANTILES}. */
    public record IfdSpread(Double min, Double p10, Double median, Double p90, Double max) {
        public static IfdSpread of(List<Double> quantiles) {
            if (quantiles.size() != IFD_QUANTILES.size()) {
                throw new IllegalArgumentException("Expected IFD quantiles " + IFD_QUANTILES + ", got " + quantiles);
            }
            return new IfdSpread(
                    quantiles.get(0), quantiles.get(1), quantiles.get(2), quantiles.get(3), quantiles.get(4));
        }
    }

    /** One scenario's entry: mode to label to records; a side without records is left out (null). */
    public record ScenarioBalance(
            Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after, IfdSpread ifd) {}

    /** A report {@link #json} wrote, read back: scenario to its entry. */
    public static Map<String, ScenarioBalance> read(String json) {
        return new TreeMap<>(
                Json.read(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, ScenarioBalance>>() {}));
    }

    /** The report from the label counts before and after selection and the IFD quantiles per scenario. */
    public static String json(List<LabelCount> before, List<LabelCount> after, Map<String, List<Double>> ifdQuantiles) {
        Map<String, Map<String, Map<String, Long>>> beforeByScenario = byScenario(before);
        Map<String, Map<String, Map<String, Long>>> afterByScenario = byScenario(after);
        Set<String> scenarios = new TreeSet<>(beforeByScenario.keySet());
        scenarios.addAll(afterByScenario.keySet());
        scenarios.addAll(ifdQuantiles.keySet());
        Map<String, ScenarioBalance> report = new TreeMap<>();
        for (String scenario : scenarios) {
            List<Double> quantiles = ifdQuantiles.get(scenario);
            report.put(
                    scenario,
                    new ScenarioBalance(
                            beforeByScenario.get(scenario),
                            afterByScenario.get(scenario),
                            quantiles == null ? null : IfdSpread.of(quantiles)));
        }
        return Json.write(report);
    }

    private static Map<String, Map<String, Map<String, Long>>> byScenario(List<LabelCount> counts) {
        Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
        for (LabelCount c : counts) {
            out.computeIfAbsent(c.scenario(), k -> new TreeMap<>())
                    .computeIfAbsent(c.mode(), k -> new TreeMap<>())
                    .put(c.label(), c.records());
        }
        return out;
    }
}
