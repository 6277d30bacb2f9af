package io.judgeforge.stage.augment;

import java.util.List;

/**
 * Another rating scale for a 1-5 judgment (paper section 8.2: binary, 3-class, 10-class; its rules
 * are not published, so these are ours):
 * <ul>
 *   <li>{@code 1-2}: 1-3 -> 1 (not acceptable), 4-5 -> 2 (acceptable): tier 4 is the first the
 *       tiers call good enough to use as it is.
 *   <li>{@code 1-3}: 1-2 -> 1, 3 -> 2, 4-5 -> 3.
 *   <li>{@code 1-10}: s -> 2s, so 10 is the best and the order is kept.
 * </ul>
 */
public record RatingScale(String name, int max) {
    public static final List<String> NAMES = List.of("1-2", "1-3", "1-10");

    public static RatingScale of(String name) {
        return switch (name) {
            case "1-2" -> new RatingScale(name, 2);
            case "1-3" -> new RatingScale(name, 3);
            case "1-10" -> new RatingScale(name, 10);
            default ->
                throw new IllegalArgumentException(
                        "Unknown rating scale '" + name + "' (expected one of " + NAMES + ")");
        };
    }

    /** The score on this scale of a 1-5 score. */
    public int map(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("A 1-5 score is expected, not " + score);
        }
        return switch (max) {
            case 2 -> score >= 4 ? 2 : 1;
            case 3 -> score <= 2 ? 1 : score == 3 ? 2 : 3;
            default -> 2 * score;
        };
    }

    /** The 1-5 tiers that fall on scale point {@code point}. */
    public List<Integer> tiersOf(int point) {
        return java.util.stream.IntStream.rangeClosed(1, 5)
                .filter(s -> map(s) == point)
                .boxed()
                .toList();
    }
}
