package io.judgeforge.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG: one row per category, its series side by side ({@link #grouped}, to
 * compare before with after) or end to end ({@link #stacked}, parts of one whole). Each row says its numbers,
 * so the chart reads without hovering; bars scale so that the longest one and its number fit.
 */
public final class SvgBarChart {
    private static final int BAR = 12;
    private static final int GAP = 10;
    /** Width of a character of the labels and numbers (11 px sans-serif), a little generous. */
    private static final double CHAR = 6.5;

    private SvgBarChart() {}

    /** One bar per series in each category's row. */
    public static String grouped(String title, List<String> categories, List<Series> series) {
        check(categories, series);
        int labelWidth = labelWidth(categories);
        List<Long> values = series.stream().flatMap(s -> s.values().stream()).toList();
        double scale = scale(
                labelWidth, values, values.stream().map(SvgBarChart::count).toList());
        int row = series.size() * BAR + GAP;
        StringBuilder out = new StringBuilder(Svg.open(Svg.LEGEND_HEIGHT + categories.size() * row + 4, title));
        out.append(Svg.legend(series, labelWidth));
        for (int c = 0; c < categories.size(); c++) {
            int top = Svg.LEGEND_HEIGHT + c * row;
            out.append(label(categories.get(c), labelWidth, top + series.size() * BAR / 2.0 + 4));
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values().get(c);
                double y = top + s * BAR;
                out.append(Svg.rect(
                        labelWidth,
                        y,
                        value * scale,
                        BAR - 2,
                        series.get(s).color(),
                        categories.get(c) + ", " + series.get(s).name() + ": " + value));
                out.append(value(labelWidth + value * scale + 4, y + BAR - 3, count(value)));
            }
        }
        return out.append("</svg>").toString();
    }

    /** The series end to end in each category's row, then its parts and their total. */
    public static String stacked(String title, List<String> categories, List<Series> series) {
        check(categories, series);
        int labelWidth = labelWidth(categories);
        List<String> texts = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int c = 0; c < categories.size(); c++) {
            List<String> parts = new ArrayList<>();
            long total = 0;
            for (Series s : series) {
                long value = s.values().get(c);
                total += value;
                if (value > 0) {
                    parts.add(count(value));
                }
            }
            String text = parts.isEmpty() ? "0" : String.join(" + ", parts);
            texts.add(parts.size() > 1 ? text + " = " + count(total) : text);
            totals.add(total);
        }
        double scale = scale(labelWidth, totals, texts);
        int row = 2 * BAR;
        StringBuilder out = new StringBuilder(Svg.open(Svg.LEGEND_HEIGHT + categories.size() * row + 4, title));
        out.append(Svg.legend(series, labelWidth));
        for (int c = 0; c < categories.size(); c++) {
            double y = Svg.LEGEND_HEIGHT + c * row;
            out.append(label(categories.get(c), labelWidth, y + BAR + 1));
            double x = labelWidth;
            for (Series s : series) {
                long value = s.values().get(c);
                if (value > 0) {
                    out.append(Svg.rect(
                            x,
                            y + 2,
                            value * scale,
                            2 * BAR - 6,
                            s.color(),
                            categories.get(c) + ", " + s.name() + ": " + value));
                    x += value * scale;
                }
            }
            out.append(value(x + 4, y + BAR + 1, texts.get(c)));
        }
        return out.append("</svg>").toString();
    }

    private static void check(List<String> categories, List<Series> series) {
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    // Wide enough for the longest label, at most a third of the chart (longer labels are cut).
    private static int labelWidth(List<String> categories) {
        int longest = categories.stream().mapToInt(String::length).max().orElse(0);
        return (int) Math.ceil(Math.min(Svg.WIDTH / 3.0, 12 + CHAR * longest));
    }

    /** Pixels per unit at which every bar ({@code lengths}) and its text after it fit the chart. */
    private static double scale(int labelWidth, List<Long> lengths, List<String> texts) {
        double scale = Double.MAX_VALUE;
        for (int i = 0; i < lengths.size(); i++) {
            if (lengths.get(i) > 0) {
                scale = Math.min(
                        scale, (Svg.WIDTH - labelWidth - 8 - CHAR * texts.get(i).length()) / lengths.get(i));
            }
        }
        return scale == Double.MAX_VALUE ? 0 : Math.max(0, scale);
    }

    // A label too long for its column is cut, with the whole of it as the hover text.
    private static String label(String category, int labelWidth, double y) {
        int fits = (int) ((labelWidth - 12) / CHAR);
        String start = "<text class=\"label\" x=\"" + (labelWidth - 6) + "\" y=\"" + Svg.number(y) + "\">";
        if (category.length() <= Math.max(fits, 2)) {
            return start + Html.escape(category) + "</text>";
        }
        int cut = Character.isHighSurrogate(category.charAt(fits - 2)) ? fits - 2 : fits - 1;
        return start + "<title>" + Html.escape(category) + "</title>" + Html.escape(category.substring(0, cut))
                + "\u2026</text>";
    }

    private static String value(double x, double y, String text) {
        return "<text class=\"value\" x=\"" + Svg.number(x) + "\" y=\"" + Svg.number(y) + "\">" + text + "</text>";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
