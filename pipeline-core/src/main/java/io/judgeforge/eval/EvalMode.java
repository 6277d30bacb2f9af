package io.judgeforge.eval;

import io.judgeforge.config.ConfigException;
import java.util.Locale;

/** What the human labels are: a score per response, or a verdict on a pair of responses. */
public enum EvalMode {
    /** Human and judge give one response a score on a numeric scale (Themis: 1 to 5). */
    POINTWISE,
    /** Human and judge compare two responses: 1 = the first is better, 2 = the second, 0 = a tie. */
    PAIRWISE;

    /** Reads the {@code --mode} value; the message names the flag, since that is where it came from. */
    public static EvalMode parse(String value) {
        for (EvalMode mode : values()) {
            if (mode.label().equals(value)) {
                return mode;
            }
        }
        throw ConfigException.invalid("--mode", value, "pointwise or pairwise");
    }

    /** The lowercase name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
