package io.judgeforge.stage.generate;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A share or similarity in a rejection's detail, written as Spark's {@code format_number(x, 2)} writes it. */
final class TwoDecimals {
    private TwoDecimals() {}

    static String format(double value) {
        // DecimalFormat is not thread-safe, and details are written from several tasks at once.
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }
}
