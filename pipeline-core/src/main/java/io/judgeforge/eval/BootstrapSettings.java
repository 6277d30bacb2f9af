package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;

/**
 * How the confidence intervals are drawn: {@code resamples} percentile-bootstrap resamples at {@code confidence},
 * from {@code seed}, so that a report can be reproduced exactly. Zero resamples turns the intervals off.
 */
public record BootstrapSettings(int resamples, double confidence, long seed) {
    public static final BootstrapSettings DEFAULT = new BootstrapSettings(1000, 0.95, 1);
    public static final BootstrapSettings OFF = new BootstrapSettings(0, 0.95, 1);

    public BootstrapSettings {
        ConfigException.check(
                resamples >= 0, "--bootstrap", resamples, "0 (no intervals) or more resamples, e.g. 1000");
        ConfigException.check(
                confidence > 0 && confidence < 1, "--confidence", confidence, "a level between 0 and 1, e.g. 0.95");
    }

    public boolean enabled() {
        return resamples > 0;
    }
}
