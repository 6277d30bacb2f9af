package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Builds the "1. ...\n2. ..." lists the generation prompts ask for, with exactly the requested
 * number of distinct items: the pipeline deduplicates instructions, so a repeated item would quietly
 * shrink its data set.
 */
final class NumberedList {
    private static final int ATTEMPTS_PER_ITEM = 8;

    private NumberedList() {}

    /**
     * Asks {@code candidate} for items (it receives the attempt number) until {@code count} distinct
     * ones are found. Templates with few slots can run dry, so remaining items are made distinct with
     * {@code variant}, which receives a base item and a variant number.
     */
    static List<String> distinctItems(int count, IntFunction<String> candidate, VariantMaker variant) {
        Set<String> items = new LinkedHashSet<>();
        int attempts = count * ATTEMPTS_PER_ITEM;
        for (int attempt = 0; attempt < attempts && items.size() < count; attempt++) {
            items.add(candidate.apply(attempt));
        }
        List<String> bases = new ArrayList<>(items);
        for (int n = 1; items.size() < count; n++) {
            String base = bases.isEmpty() ? candidate.apply(n) : bases.get(n % bases.size());
            items.add(variant.make(base, n));
        }
        return new ArrayList<>(items);
    }

    static String format(List<String> items) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(i + 1).append(". ").append(items.get(i));
        }
        return text.toString();
    }

    /** Turns an item into a distinct variant of itself. */
    @FunctionalInterface
    interface VariantMaker {
        String make(String base, int variantNumber);
    }
}
