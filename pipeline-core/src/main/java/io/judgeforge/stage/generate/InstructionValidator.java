package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The per-instruction checks of generation: length bounds and refusals; and the key exact duplicates share. */
public final class InstructionValidator implements Serializable {
    private static final Pattern REFUSAL =
            Pattern.compile("^(i'?m sorry|sorry,|i cannot|i can't|i am unable|as an ai\\b)", Pattern.CASE_INSENSITIVE);

    private final int minWords;
    private final int maxWords;

    public InstructionValidator(int minWords, int maxWords) {
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    /** The reason to filter the instruction, if any. */
    public Optional<RejectReason> reject(String text) {
        int words = words(text).length;
        if (words < minWords) {
            return Optional.of(RejectReason.TOO_SHORT);
        }
        if (words > maxWords) {
            return Optional.of(RejectReason.TOO_LONG);
        }
        if (REFUSAL.matcher(text.strip()).find()) {
            return Optional.of(RejectReason.REFUSAL);
        }
        return Optional.empty();
    }

    /**
     * Lower case, accents folded, punctuation dropped and white space collapsed: equal keys are
     * duplicates. Each Chinese or Japanese character stands apart as a word of its own, since those
     * scripts put no spaces between words; so length bounds, shingles and 8-grams work on them too.
     */
    public static String normalized(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .replaceAll("([\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])", " $1 ")
                .replaceAll(" {2,}", " ")
                .strip();
    }

    /** The words of a text, as every check of the pipeline counts them: the tokens of {@link #normalized}. */
    public static String[] words(String text) {
        String norm = normalized(text);
        return norm.isEmpty() ? new String[0] : norm.split(" ");
    }
}
