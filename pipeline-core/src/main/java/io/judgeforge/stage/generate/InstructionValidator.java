package io.judgeforge.stage.generate;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The per-instruction checks of generation: length bounds and refusals; and the key exact duplicates share. */
public final class InstructionValidator implements Serializable {
  private static final Pattern REFUSAL = Pattern.compile(
      "^(i'?m sorry|sorry,|i cannot|i can't|i am unable|as an ai\\b)", Pattern.CASE_INSENSITIVE);

  private final int minWords;
  private final int maxWords;

  public InstructionValidator(int minWords, int maxWords) {
    this.minWords = minWords;
    this.maxWords = maxWords;
  }

  /** The reason to filter the instruction, if any. */
  public Optional<String> reject(String text) {
    int words = text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
    if (words < minWords) {
      return Optional.of("too_short");
    }
    if (words > maxWords) {
      return Optional.of("too_long");
    }
    if (REFUSAL.matcher(text.strip()).find()) {
      return Optional.of("refusal");
    }
    return Optional.empty();
  }

  /** Lower case, accents folded, punctuation dropped and white space collapsed: equal keys are duplicates. */
  public static String normalized(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}
