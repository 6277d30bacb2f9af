package io.judgeforge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {
    // A bar has a hover text; a legend's swatch has none.
    static final Pattern WIDTH = Pattern.compile("<rect [^>]*width=\"([0-9.]+)\"[^>]*fill=\"(#[0-9a-f]{6})\"><title>");

    /** The widths of the bars (not the legend's swatches) filled with {@code color}, in order. */
    static List<Double> widths(String svg, String color) {
        List<Double> widths = new java.util.ArrayList<>();
        Matcher m = WIDTH.matcher(svg);
        while (m.find()) {
            if (m.group(2).equals(color)) {
                widths.add(Double.parseDouble(m.group(1)));
            }
        }
        return widths;
    }

    @Test
    void groupedBarsAreAsLongAsTheirValuesAndSayThem() {
        String svg = SvgBarChart.grouped(
                "per scenario",
                List.of("math_qa", "open_qa"),
                List.of(
                        new Series("before", "#111111", List.of(40L, 20L)),
                        new Series("after", "#222222", List.of(10L, 0L))));
        List<Double> before = widths(svg, "#111111");
        List<Double> after = widths(svg, "#222222");
        assertEquals(2, before.size());
        assertEquals(before.get(0), 2 * before.get(1), 0.11);
        assertEquals(before.get(0), 4 * after.get(0), 0.21);
        assertEquals(0.0, after.get(1));
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"), svg);
        assertTrue(svg.contains("<title>per scenario</title>"), svg);
        for (String text : List.of(">40<", ">20<", ">10<", ">0<", ">math_qa<", ">open_qa<", ">before<", ">after<")) {
            assertTrue(svg.contains(text), text + " in " + svg);
        }
    }

    @Test
    void stackedBarsPutTheSeriesEndToEndAndSayTheirSum() {
        String svg = SvgBarChart.stacked(
                "items",
                List.of("judge / pairwise-calls", "export / judge-set"),
                List.of(
                        new Series("out", "#00aa00", List.of(109L, 945L)),
                        new Series("filtered", "#aa0000", List.of(11L, 0L))));
        assertTrue(svg.contains(">109 + 11 = 120<"), svg);
        assertTrue(svg.contains(">945<"), svg);
        List<Double> out = widths(svg, "#00aa00");
        assertEquals(945.0 / 109, out.get(1) / out.get(0), 0.01);
        assertEquals(1, widths(svg, "#aa0000").size(), "a zero part draws no bar");
    }

    @Test
    void textFromDataIsEscapedAndALongLabelIsCutWithTheWholeAsHoverText() {
        String hostile = "<script>alert('x')</script>" + "_a_very_long_scenario_name".repeat(5);
        String svg = SvgBarChart.grouped(
                "chart & \"title\"", List.of(hostile), List.of(new Series("s<1>", "#123456", List.of(3L))));
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("<title>" + Html.escape(hostile) + "</title>"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)"), svg);
        assertTrue(svg.contains("\u2026</text>"), "the label is cut: " + svg);
        assertTrue(svg.contains("<title>chart &amp; &quot;title&quot;</title>"), svg);
        assertTrue(svg.contains(">s&lt;1&gt;<"), svg);
    }

    @Test
    void everySeriesNeedsOneValuePerCategory() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SvgBarChart.grouped("x", List.of("a", "b"), List.of(new Series("s", "#000000", List.of(1L)))));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", "#000000", List.of(-1L)));
    }

    @Test
    void allZeroValuesDrawEmptyBars() {
        String svg = SvgBarChart.stacked("x", List.of("select"), List.of(new Series("calls", "#000000", List.of(0L))));
        assertTrue(svg.contains(">0<"), svg);
        assertEquals(List.of(), widths(svg, "#000000"));
    }
}
