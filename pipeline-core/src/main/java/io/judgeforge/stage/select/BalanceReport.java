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

    /** One scenario's entry: mode to label to records; a side without records is left out. */
    record ScenarioBalance(
            Map<String, Map<String, Long>> before, Map<String, Map<String, Long>> after, IfdSpread ifd) {}

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
