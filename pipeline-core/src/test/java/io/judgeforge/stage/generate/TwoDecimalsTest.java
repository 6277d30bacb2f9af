package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Spark's format_number(x, 2) rounds half to even on the double's exact value; these are its outputs
 * for the same inputs (checked against Spark 4.0 on every k/n up to n = 400).
 */
class TwoDecimalsTest {
    @Test
    void roundsAsSparksFormatNumber() {
        assertEquals("1.00", TwoDecimals.format(1.0));
        assertEquals("0.00", TwoDecimals.format(0.0));
        assertEquals("0.67", TwoDecimals.format(2 / 3.0));
        assertEquals("0.12", TwoDecimals.format(0.125));
        assertEquals("0.38", TwoDecimals.format(0.375));
        assertEquals("0.01", TwoDecimals.format(0.005));
        assertEquals("0.86", TwoDecimals.format(1 - 0.1428571428571429));
    }
}
