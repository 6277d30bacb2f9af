package io.judgeforge.report;

import java.util.List;
import java.util.Locale;

/**
 * A histogram over equal bins as inline SVG, its series drawn over each other: each later series narrower and
 * in front, so a subset (the records kept) shows inside the whole (the records scored).
 */
public final class SvgHistogram {
    private static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 36;
    /** Edges labelled on the x axis: every fifth, so the labels do not overlap. */
    private static final int LABEL_EVERY = 5;

    private SvgHistogram() {}

    /** {@code edges.size() - 1} bins; every series has one count per bin. */
    public static String render(String title, List<Double> edges, List<Series> series) {
        int bins = edges.size() - 1;
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least two edges, got " + edges);
        }
        for (Series s : series) {
            if (s.values().size() != bins) {
                throw new IllegalArgumentException(
                        "Series " + s.name() + " has " + s.values().size() + " counts for " + bins + " bins");
            }
        }
        long largest = series.stream()
                .flatMap(s -> s.values().stream())
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        double plotTop = Svg.LEGEND_HEIGHT + 8;
        double plotHeight = HEIGHT - BOTTOM - plotTop;
        double binWidth = (double) (Svg.WIDTH - LEFT - RIGHT) / bins;
        double baseline = plotTop + plotHeight;
        StringBuilder out = new StringBuilder(Svg.open(HEIGHT, title));
        out.append(Svg.legend(series, LEFT));
        out.append(axisLabel(LEFT - 6, plotTop + 4, SvgBarChart.count(largest)));
        out.append(axisLabel(LEFT - 6, baseline, "0"));
        out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.number(baseline));
        out.append("\" x2=\"").append(Svg.WIDTH - RIGHT).append("\" y2=\"").append(Svg.number(baseline));
        out.append("\"/>");
        for (int s = 0; s < series.size(); s++) {
            double inset = binWidth * 0.15 * s; // later series narrower, so the earlier ones show around them
            for (int b = 0; b < bins; b++) {
                long value = series.get(s).values().get(b);
                double height = largest == 0 ? 0 : plotHeight * value / largest;
                out.append(Svg.rect(
                        LEFT + b * binWidth + 1 + inset,
                        baseline - height,
                        Math.max(1, binWidth - 2 - 2 * inset),
                        height,
                        series.get(s).color(),
                        series.get(s).name() + ", IFD " + decimal(edges.get(b)) + " to " + decimal(edges.get(b + 1))
                                + ": " + value));
            }
        }
        for (int e = 0; e <= bins; e += LABEL_EVERY) {
            out.append("<text class=\"tick\" x=\"").append(Svg.number(LEFT + e * binWidth));
            out.append("\" y=\"").append(Svg.number(baseline + 16)).append("\">");
            out.append(decimal(edges.get(e))).append("</text>");
        }
        out.append("<text class=\"tick\" x=\"").append(Svg.number(LEFT + (Svg.WIDTH - LEFT - RIGHT) / 2.0));
        out.append("\" y=\"").append(HEIGHT - 4).append("\">IFD</text>");
        return out.append("</svg>").toString();
    }

    private static String axisLabel(double x, double y, String text) {
        return "<text class=\"label\" x=\"" + Svg.number(x) + "\" y=\"" + Svg.number(y) + "\">" + text + "</text>";
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
