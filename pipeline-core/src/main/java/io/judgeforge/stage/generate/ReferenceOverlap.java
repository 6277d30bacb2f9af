package io.judgeforge.stage.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of an instruction is copied from its reference passage: the share of the instruction's
 * word 8-grams that occur in the passage. Eight words in a row rarely recur by chance, while a
 * question that lifts a sentence scores near 1; an instruction shorter than eight words scores 0.
 * The paper asks for instructions grounded in the reference, not copied from it (UNVERIFIED in its
 * details, so the threshold is {@code generate.max-reference-overlap}).
 */
public final class ReferenceOverlap {
  public static final int NGRAM = 8;

  private ReferenceOverlap() {}

  public static double share(String instruction, String reference) {
    List<String> grams = grams(instruction);
    if (grams.isEmpty() || reference == null) {
      return 0;
    }
    Set<String> inReference = new HashSet<>(grams(reference));
    long copied = grams.stream().filter(inReference::contains).count();
    return copied / (double) grams.size();
  }

  private static List<String> grams(String text) {
    List<String> kept = List.of(InstructionValidator.words(text));
    List<String> grams = new ArrayList<>();
    for (int i = 0; i + NGRAM <= kept.size(); i++) {
      grams.add(String.join(" ", kept.subList(i, i + NGRAM)));
    }
    return grams;
  }
}
