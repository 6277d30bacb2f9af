package io.judgeforge.report;

import io.judgeforge.stage.export.Manifest;
import io.judgeforge.stage.select.BalanceReport;
import io.judgeforge.stage.select.IfdHistogram;
import java.util.Map;

/**
 * What the report shows, gathered by the export: the version's manifest, the select stage's balance report
 * (scenario to labels per mode before and after) and its IFD histogram. A run whose select stage wrote no
 * histogram (made before there was one, or without a finite IFD) has {@code ifdHistogram} null.
 */
public record ReportData(
        Manifest manifest, Map<String, BalanceReport.ScenarioBalance> balance, IfdHistogram ifdHistogram) {
    public ReportData {
        if (manifest == null) {
            throw new IllegalArgumentException("A report needs the manifest of its version");
        }
        balance = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(balance)); // scenarios in order
    }
}
