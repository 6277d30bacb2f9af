package io.judgeforge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgHistogramTest {
    static final Pattern BAR = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\" fill=\"(#[0-9a-f]{6})\"><title>");

    @Test
    void aBarPerBinAndSeriesAsHighAsItsCountWithTheEdgesOnTheAxis() {
        List<Double> edges = List.of(0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
        String svg = SvgHistogram.render(
                "IFD",
                edges,
                List.of(
                        new Series("before", "#aaaaaa", List.of(2L, 8L, 4L, 0L, 1L)),
                        new Series("after", "#222222", List.of(1L, 8L, 0L, 0L, 1L))));
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        Matcher m = BAR.matcher(svg);
        while (m.find()) {
            (m.group(2).equals("#aaaaaa") ? before : after).add(Double.parseDouble(m.group(1)));
        }
        assertEquals(5, before.size());
        assertEquals(5, after.size());
        assertEquals(before.get(1), 4 * before.get(0), 0.3);
        assertEquals(before.get(1), after.get(1));
        assertEquals(0.0, before.get(3));
        assertTrue(svg.contains(">0.400<") && svg.contains(">0.900<"), "the first and last edge: " + svg);
        assertTrue(svg.contains("<title>before, IFD 0.500 to 0.600: 8</title>"), svg);
        assertTrue(svg.contains(">8<"), "the largest count on the axis: " + svg);
    }

    @Test
    void needsTwoEdgesAndOneCountPerBin() {
        assertThrows(IllegalArgumentException.class, () -> SvgHistogram.render("x", List.of(1.0), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SvgHistogram.render(
                        "x", List.of(0.0, 1.0, 2.0), List.of(new Series("s", "#000000", List.of(1L)))));
    }
}
