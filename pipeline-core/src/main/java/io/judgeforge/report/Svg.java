package io.judgeforge.report;

import java.util.List;
import java.util.Locale;

/** The SVG pieces the charts share: the element with its accessible title, the legend, a number's label. */
final class Svg {
    static final int WIDTH = 720;
    static final int LEGEND_HEIGHT = 22;

    private Svg() {}

    /** The opening tag of a chart {@code height} high, described by {@code title} (escaped). */
    static String open(int height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"" + WIDTH
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\"><title>"
                + Html.escape(title) + "</title>";
    }

    /** One swatch and name per series, in a row from {@code x}. */
    static String legend(List<Series> series, int x) {
        StringBuilder out = new StringBuilder();
        int at = x;
        for (Series s : series) {
            out.append(rect(at, 5, 12, 12, s.color(), null));
            out.append("<text x=\"").append(at + 16).append("\" y=\"15\">");
            out.append(Html.escape(s.name())).append("</text>");
            at += 28 + 7 * s.name().length();
        }
        return out.toString();
    }

    /** A filled rectangle, with a hover text when {@code tip} is not null (escaped). */
    static String rect(double x, double y, double width, double height, String color, String tip) {
        String shape = "<rect x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" + number(width) + "\" height=\""
                + number(height) + "\" fill=\"" + Html.escape(color) + "\"";
        return tip == null ? shape + "/>" : shape + "><title>" + Html.escape(tip) + "</title></rect>";
    }

    /** A coordinate with at most one decimal, so the page stays small and the same on every run. */
    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
