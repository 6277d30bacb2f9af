package io.judgeforge.stage.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of an instruction is copied from its reference passage: the share of the instruction's
 * word 8-grams (16-grams of characters for mostly Chinese or Japanese text) that occur in the passage. Eight words in a row rarely recur by chance, while a
 * question that lifts a sentence scores near 1; an instruction shorter than eight words scores 0.
 * The paper asks for instructions grounded in the reference, not copied from it (UNVERIFIED in its
 * details, so the threshold is {@code generate.max-reference-overlap}).
 */
public final class ReferenceOverlap {
    public static final int NGRAM = 8;
    /** Chinese and Japanese count a word per character, and a word there is about two characters long. */
    public static final int CJK_NGRAM = 16;

    private static final java.util.regex.Pattern CJK =
            java.util.regex.Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

    private ReferenceOverlap() {}

    public static double share(String instruction, String reference) {
        List<String> words = List.of(InstructionValidator.words(instruction));
        int n = words.stream().filter(w -> CJK.matcher(w).matches()).count() * 2 > words.size() ? CJK_NGRAM : NGRAM;
        List<String> grams = grams(words, n);
        if (grams.isEmpty() || reference == null) {
            return 0;
        }
        Set<String> inReference = new HashSet<>(grams(List.of(InstructionValidator.words(reference)), n));
        long copied = grams.stream().filter(inReference::contains).count();
        return copied / (double) grams.size();
    }

    private static List<String> grams(List<String> kept, int n) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + n <= kept.size(); i++) {
            grams.add(String.join(" ", kept.subList(i, i + n)));
        }
        return grams;
    }
}
