package io.judgeforge.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judge's transparent estimate of a response's quality, from the text alone: how many of the
 * instruction's content words it takes up, how long it is, and whether it is structured.
 *
 * @param coverage share of the instruction's content words found in the response, 0..1
 * @param lengthFactor response words over {@value #FULL_LENGTH_WORDS}, capped at 1
 * @param structured whether the response has a list or several paragraphs
 * @param covered the instruction words the response contains
 * @param missing the instruction words the response lacks
 */
record ResponseQuality(
        double coverage, double lengthFactor, boolean structured, List<String> covered, List<String> missing) {
    static final int FULL_LENGTH_WORDS = 120;
    static final int INSTRUCTION_WORDS = 10;
    private static final Pattern LIST_LINE = Pattern.compile("(?m)^\\s*(?:\\d+[.)]|[-*•])\\s+\\S");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final int SEVERAL_PARAGRAPHS = 3;

    ResponseQuality {
        covered = List.copyOf(covered);
        missing = List.copyOf(missing);
    }

    static ResponseQuality assess(String instruction, String response) {
        List<String> wanted = ContentWords.distinct(instruction, INSTRUCTION_WORDS);
        Set<String> present = new HashSet<>(ContentWords.words(response));
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String word : wanted) {
            (present.contains(word) ? covered : missing).add(word);
        }
        // An instruction without content words (e.g. "Hi!") gives nothing to check; stay neutral.
        double coverage = wanted.isEmpty() ? 0.5 : covered.size() / (double) wanted.size();
        int responseWords = SalientText.wordCount(response);
        double lengthFactor = Math.min(1.0, responseWords / (double) FULL_LENGTH_WORDS);
        return new ResponseQuality(coverage, lengthFactor, isStructured(response), covered, missing);
    }

    private static boolean isStructured(String response) {
        if (LIST_LINE.matcher(response).find()) {
            return true;
        }
        int paragraphs = 0;
        for (String paragraph : PARAGRAPH_BREAK.split(response.strip())) {
            if (!paragraph.isBlank()) {
                paragraphs++;
            }
        }
        return paragraphs >= SEVERAL_PARAGRAPHS;
    }

    /** The weighted estimate e in [0, 1] of the brief: 0.55 coverage, 0.35 length, 0.10 structure. */
    double estimate() {
        return 0.55 * coverage + 0.35 * lengthFactor + 0.10 * (structured ? 1.0 : 0.0);
    }
}
