package io.judgeforge.stage.select;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.stage.score.IfdScore;
import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step ifd-filter of select: which scored records are IFD outliers, and the detail their reject rows
 * give. Themis ({@code z-score}) drops an IFD more than {@code maxZ} sample standard deviations above
 * the mean of its scenario and mode; Cherry ({@code cherry}) drops IFD > 1, where the instruction makes
 * the answer harder to predict rather than easier. A pair's two orders are one unit: when either is an
 * outlier, both go.
 *
 * <p>The select job computes each group's mean and deviation with Spark and asks {@link #ownOutlier}
 * and {@link #verdict}; {@link #outliers} does the same for a plain list. Comparisons order NaN above
 * every number, as Spark SQL does: an IFD that is NaN or infinite makes its group's z-scores NaN, and
 * the whole group is filtered, by the job and by the list alike.
 */
public record IfdOutlierFilter(PipelineConfig.IfdFilter rule, double maxZ) implements Serializable {
    public static final String PAIR_DETAIL = "the other order of its pair is an IFD outlier";
    private static final double CHERRY_MAX_IFD = 1.0;

    public static IfdOutlierFilter of(PipelineConfig.Select settings) {
        return new IfdOutlierFilter(settings.ifdFilter(), settings.ifdMaxZ());
    }

    /**
     * Why a record is an outlier by its own IFD, given the IFD mean and sample standard deviation of its
     * scenario and mode ({@code sd} null for a group of one); empty when it is not one.
     */
    public Optional<String> ownOutlier(double ifd, double mean, Double sd) {
        return switch (rule) {
            case Z_SCORE -> {
                double z = zScore(ifd, mean, sd);
                yield above(z, maxZ)
                        ? Optional.of("IFD z-score " + formatNumber(z, 2) + " > " + maxZ)
                        : Optional.empty();
            }
            case CHERRY ->
                above(ifd, CHERRY_MAX_IFD) ? Optional.of("IFD " + formatNumber(ifd, 3) + " > 1") : Optional.empty();
            case NONE -> Optional.empty();
        };
    }

    /**
     * The pair rule: a record is rejected for its own reason, or, when it is not an outlier itself but
     * {@code pairHasOutlier} (it belongs to a pair with an outlier order), as the other order.
     */
    public static Optional<String> verdict(Optional<String> own, boolean pairHasOutlier) {
        if (own.isPresent() || !pairHasOutlier) {
            return own;
        }
        return Optional.of(PAIR_DETAIL);
    }

    /** The outliers among {@code records}: judgment id to reject detail, in input order. */
    public Map<String, String> outliers(List<IfdScore> records) {
        Map<Group, GroupStats> stats = new LinkedHashMap<>();
        Map<Group, List<Double>> groups = new LinkedHashMap<>();
        records.forEach(
                r -> groups.computeIfAbsent(group(r), k -> new ArrayList<>()).add(r.ifd()));
        groups.forEach((group, ifds) -> stats.put(group, GroupStats.of(ifds)));
        List<Optional<String>> own = new ArrayList<>();
        Set<String> outlierPairs = new HashSet<>();
        for (IfdScore r : records) {
            GroupStats s = stats.get(group(r));
            Optional<String> why = ownOutlier(r.ifd(), s.mean(), s.sd());
            own.add(why);
            if (why.isPresent() && r.pairId() != null) {
                outlierPairs.add(r.pairId());
            }
        }
        Map<String, String> outliers = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            IfdScore r = records.get(i);
            verdict(own.get(i), r.pairId() != null && outlierPairs.contains(r.pairId()))
                    .ifPresent(why -> outliers.put(r.judgmentId(), why));
        }
        return outliers;
    }

    /** 0 when the group's deviation is undefined (a group of one) or zero: no record stands out. */
    static double zScore(double ifd, double mean, Double sd) {
        return sd == null || sd == 0 ? 0.0 : (ifd - mean) / sd;
    }

    // Double.compare puts NaN above every number, as Spark SQL's comparison does.
    private static boolean above(double value, double limit) {
        return Double.compare(value, limit) > 0;
    }

    /** Spark SQL's format_number: grouped thousands, {@code decimals} places, half-even, US symbols. */
    static String formatNumber(double value, int decimals) {
        String places = decimals > 0 ? "." + "0".repeat(decimals) : "";
        DecimalFormat format =
                new DecimalFormat("#,###,###,###,###,###,##0" + places, new DecimalFormatSymbols(Locale.US));
        return format.format(value);
    }

    private static Group group(IfdScore r) {
        return new Group(r.scenario(), r.mode());
    }

    private record Group(String scenario, String mode) {}

    /**
     * A group's IFD mean and sample standard deviation, accumulated in the order Spark's avg and
     * stddev_samp do (a running sum; Welford's update), so that a list in the same order gives the
     * same values to the last bit. The deviation is null for a group of one, as stddev_samp's is.
     */
    record GroupStats(double mean, Double sd) {
        static GroupStats of(List<Double> values) {
            double sum = 0;
            double n = 0;
            double avg = 0;
            double m2 = 0;
            for (double x : values) {
                sum += x;
                n += 1;
                double delta = x - avg;
                double deltaN = delta / n;
                avg += deltaN;
                m2 += delta * (delta - deltaN);
            }
            return new GroupStats(sum / n, n > 1 ? Math.sqrt(m2 / (n - 1)) : null);
        }
    }
}
