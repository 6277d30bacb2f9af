package io.judgeforge.stage.judge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Aggregates k judgments of one item. The score is the lower median, so it is always a score a real
 * sample gave and that sample's text can be the training target; the verdict is the one more than
 * half the samples gave, or none.
 */
public final class SampleVotes {
    private SampleVotes() {}

    /** Index of the sample holding the lower median score; among equal scores, sorted by index, so deterministic. */
    public static int lowerMedian(List<Integer> scores) {
        List<Integer> order = IntStream.range(0, scores.size())
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> scores.get(i)).thenComparing(i -> i))
                .toList();
        return order.get((scores.size() - 1) / 2);
    }

    public static int spread(List<Integer> scores) {
        return scores.stream().mapToInt(Integer::intValue).max().orElse(0)
                - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    /** The index of the first sample with the majority verdict, if one verdict has more than half the votes. */
    public static <V> Optional<Integer> majority(List<V> verdicts) {
        Map<V, Integer> votes = new HashMap<>();
        verdicts.forEach(v -> votes.merge(v, 1, Integer::sum));
        for (int i = 0; i < verdicts.size(); i++) {
            if (votes.get(verdicts.get(i)) * 2 > verdicts.size()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The labels of the samples, as recorded when more than one was drawn. */
    public static List<String> labels(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
