package io.judgeforge.stage.select;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code select/_ifd_histogram.json}: the IFD of the scored records (before selection) and of the selected
 * ones (after), counted in {@link #BINS} equal bins between the lowest and the highest scored IFD. The report
 * only gives five quantiles per scenario; this shows the shape, and where the IFD filter and a selection by
 * highest IFD cut it.
 *
 * @param edges the {@code BINS + 1} bin edges, rising; a bin holds {@code [edge i, edge i+1)}, the last one
 *     its upper edge too
 * @param before records per bin before selection
 * @param after records per bin after selection
 */
public record IfdHistogram(List<Double> edges, List<Long> before, List<Long> after) {
    public static final int BINS = 20;

    public IfdHistogram {
        edges = List.copyOf(edges);
        before = List.copyOf(before);
        after = List.copyOf(after);
        if (before.size() != edges.size() - 1 || after.size() != edges.size() - 1) {
            throw new IllegalArgumentException("An IFD histogram of " + edges.size() + " edges needs "
                    + (edges.size() - 1) + " counts a side, got " + before.size() + " and " + after.size());
        }
    }

    /**
     * The edges of {@link #BINS} equal bins from {@code min} to exactly {@code max} (so the highest value lands
     * in the last bin, not past it); when every value is the same, one unit wide from it. Empty when either end
     * is not finite: no equal bins span an infinite IFD.
     */
    public static List<Double> edges(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            return List.of();
        }
        double span = max > min ? max - min : 1.0;
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            edges.add(min + span * i / BINS);
        }
        edges.add(max > min ? max : min + span);
        return edges;
    }

    /**
     * The bin of {@code ifd} over {@code edges}: the {@code i} with {@code edge i <= ifd < edge i+1}, the last bin
     * holding its upper edge too (as Spark's Bucketizer, which bins the records in the job, does); -1 outside.
     */
    public static int bin(List<Double> edges, double ifd) {
        int bins = edges.size() - 1;
        if (bins < 1 || !(ifd >= edges.get(0) && ifd <= edges.get(bins))) {
            return -1;
        }
        for (int i = 0; i < bins - 1; i++) {
            if (ifd < edges.get(i + 1)) {
                return i;
            }
        }
        return bins - 1;
    }

    /** The histogram over {@code edges} from the counted groups before and after selection, each with its bin. */
    public static IfdHistogram of(
            List<Double> edges,
            Collection<BalanceReport.BinnedCount> before,
            Collection<BalanceReport.BinnedCount> after) {
        if (edges.size() < 2) {
            throw new IllegalArgumentException("An IFD histogram needs at least two edges, got " + edges);
        }
        return new IfdHistogram(edges, perBin(edges.size() - 1, before), perBin(edges.size() - 1, after));
    }

    private static List<Long> perBin(int bins, Collection<BalanceReport.BinnedCount> counts) {
        long[] sums = new long[bins];
        for (BalanceReport.BinnedCount c : counts) {
            if (c.ifdBin() < 0 || c.ifdBin() >= bins) {
                throw new IllegalArgumentException("IFD bin " + c.ifdBin() + " is outside the " + bins + " bins");
            }
            sums[c.ifdBin()] += c.records();
        }
        return java.util.Arrays.stream(sums).boxed().toList();
    }
}
