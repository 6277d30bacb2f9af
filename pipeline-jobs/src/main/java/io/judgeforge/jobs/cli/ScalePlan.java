package io.judgeforge.jobs.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Themis paper's workload at a fraction of its size: instruction quotas per scenario (its Table 2,
 * 21,974 in all), 10,000 responses graded on their own and 5,000 pairs judged in both orders, and
 * enough reference passages that each generation call gets one of its own.
 *
 * @param fraction share of the paper's size, in (0, 1]
 * @param quotas instructions per scenario, summing to {@code instructions}
 * @param instructions the paper's 21,974 times the fraction, rounded
 * @param pointwise responses graded on their own ({@code judge.max-pointwise})
 * @param pairs pairs judged in both orders ({@code judge.pairwise.max-pairs})
 * @param references synthetic reference passages to write
 */
record ScalePlan(
        double fraction, Map<String, Integer> quotas, int instructions, int pointwise, int pairs, int references) {
    /** Table 2 of the paper: synthesized instructions per scenario. */
    static final Map<String, Integer> PAPER_QUOTAS = paperQuotas();

    static final int PAPER_INSTRUCTIONS = 21_974;
    static final int PAPER_POINTWISE = 10_000;
    static final int PAPER_PAIRS = 5_000;

    ScalePlan {
        quotas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(quotas));
    }

    private static Map<String, Integer> paperQuotas() {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        List.of(
                        Map.entry("close_qa", 2_498),
                        Map.entry("open_qa", 923),
                        Map.entry("math_qa", 3_651),
                        Map.entry("creative_writing", 1_994),
                        Map.entry("professional_writing", 1_275),
                        Map.entry("rewriting", 1_830),
                        Map.entry("translation", 1_618),
                        Map.entry("reading_comprehension", 3_128),
                        Map.entry("role_playing", 2_112),
                        Map.entry("programming", 2_945))
                .forEach(e -> quotas.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(quotas);
    }

    /**
     * The plan at {@code fraction}: the quotas are the paper's scaled by largest remainders, so they sum
     * to the scaled total exactly and keep the paper's proportions as closely as whole numbers can.
     */
    static ScalePlan of(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new io.judgeforge.config.ConfigException(
                    "Invalid fraction " + fraction + " (expected a number in (0, 1])");
        }
        int total = (int) Math.round(PAPER_INSTRUCTIONS * fraction);
        Map<String, Integer> quotas = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> remainders = new ArrayList<>();
        int assigned = 0;
        for (Map.Entry<String, Integer> e : PAPER_QUOTAS.entrySet()) {
            double exact = e.getValue() * fraction;
            int floor = (int) Math.floor(exact);
            quotas.put(e.getKey(), floor);
            assigned += floor;
            remainders.add(Map.entry(e.getKey(), exact - floor));
        }
        // Stable sort: equal remainders go in the paper's order.
        remainders.sort(
                Comparator.comparing(Map.Entry<String, Double>::getValue).reversed());
        for (int i = 0; i < total - assigned; i++) {
            quotas.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        // One passage per generation call of five instructions, and a few to spare for the top-up rounds.
        int references = (int) Math.ceil(total / 5.0) + 10;
        return new ScalePlan(
                fraction,
                quotas,
                total,
                // At least one of each: the keys' 0 means "no cap".
                Math.max(1, (int) Math.round(PAPER_POINTWISE * fraction)),
                Math.max(1, (int) Math.round(PAPER_PAIRS * fraction)),
                references);
    }

    /** The {@code --set} overrides that give a run this plan's size, its passages being in {@code references}. */
    List<String> overrides(String references) {
        StringBuilder map = new StringBuilder("{");
        quotas.forEach((scenario, n) -> map.append(map.length() > 1 ? ", " : "")
                .append(scenario)
                .append(": ")
                .append(n));
        map.append('}');
        return List.of(
                "inputs.references=" + references,
                "generate.quotas=" + map,
                "judge.max-pointwise=" + pointwise,
                "judge.pairwise.max-pairs=" + pairs);
    }
}
