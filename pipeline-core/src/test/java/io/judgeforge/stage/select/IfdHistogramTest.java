package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.judgeforge.json.Json;
import io.judgeforge.stage.select.BalanceReport.BinnedCount;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfdHistogramTest {
    @Test
    void equalBinsFromTheLowestToExactlyTheHighestIfd() {
        List<Double> edges = IfdHistogram.edges(0.3, 0.7);
        assertEquals(IfdHistogram.BINS + 1, edges.size());
        assertEquals(0.3, edges.get(0));
        assertEquals(0.7, edges.get(IfdHistogram.BINS), 0.0, "the highest IFD lands in the last bin");
        for (int i = 1; i < edges.size(); i++) {
            assertEquals(0.02, edges.get(i) - edges.get(i - 1), 1e-12);
        }
    }

    @Test
    void aBinHoldsItsLowerEdgeAndTheLastOneItsUpperEdgeToo() {
        List<Double> edges = IfdHistogram.edges(0.0, 2.0);
        assertEquals(0, IfdHistogram.bin(edges, 0.0));
        assertEquals(0, IfdHistogram.bin(edges, 0.09));
        assertEquals(1, IfdHistogram.bin(edges, 0.1));
        assertEquals(19, IfdHistogram.bin(edges, 1.95));
        assertEquals(19, IfdHistogram.bin(edges, 2.0));
        assertEquals(-1, IfdHistogram.bin(edges, 2.01));
        assertEquals(-1, IfdHistogram.bin(edges, Double.NaN));
    }

    @Test
    void oneValueGetsAUnitWideSpanAndNoFiniteEndsNoBins() {
        List<Double> edges = IfdHistogram.edges(0.5, 0.5);
        assertEquals(0.5, edges.get(0));
        assertEquals(1.5, edges.get(IfdHistogram.BINS));
        assertEquals(List.of(), IfdHistogram.edges(Double.NaN, Double.NaN), "no scored records");
        assertEquals(List.of(), IfdHistogram.edges(0.5, Double.POSITIVE_INFINITY));
    }

    @Test
    void sumsTheCountedGroupsPerBinOnEachSide() {
        List<Double> edges = IfdHistogram.edges(0.0, 2.0);
        List<BinnedCount> before = List.of(
                new BinnedCount("math_qa", "single", "4", 0, 3),
                new BinnedCount("open_qa", "pairwise", "A", 0, 2),
                new BinnedCount("open_qa", "single", "5", 19, 1));
        List<BinnedCount> after = List.of(new BinnedCount("math_qa", "single", "4", 0, 1));
        IfdHistogram histogram = IfdHistogram.of(edges, before, after);
        assertEquals(5L, histogram.before().get(0));
        assertEquals(1L, histogram.before().get(19));
        assertEquals(6L, histogram.before().stream().mapToLong(Long::longValue).sum());
        assertEquals(1L, histogram.after().get(0));
        assertEquals(Collections.nCopies(18, 0L), histogram.after().subList(1, 19));
        assertEquals(histogram, Json.read(Json.write(histogram), IfdHistogram.class), "read back as written");
    }

    @Test
    void aBinOutsideTheEdgesOrCountsThatDoNotMatchThemFail() {
        List<Double> edges = IfdHistogram.edges(0.0, 1.0);
        assertThrows(
                IllegalArgumentException.class,
                () -> IfdHistogram.of(edges, List.of(new BinnedCount("s", "single", "1", 20, 1)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> IfdHistogram.of(List.of(), List.of(), List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new IfdHistogram(List.of(0.0, 1.0), List.of(1L, 2L), List.of(1L)));
    }
}
